package io.receivables.invoicing.schedule.rest;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.receivables.common.money.DecimalStrings;
import io.receivables.invoicing.customer.rest.PaymentTermsRequest;
import io.receivables.invoicing.invoice.rest.InvoiceLineRequest;
import io.receivables.invoicing.schedule.Frequency;
import io.receivables.invoicing.schedule.InvoiceTemplate;
import io.receivables.invoicing.terms.PaymentTerms;

/**
 * A recurring invoice. Lines, currency, payment terms and PO number are as for POST /invoices; currency and terms left
 * out default to the customer's profile at the time each period is issued.
 */
public record BillingScheduleRequest(
        @NotNull UUID customerId,
        @NotNull Frequency frequency,
        @Schema(description = "Day of the month periods start on, 1 to 31; 29 to 31 fall on the last day of a shorter month") @NotNull @Min(1) @Max(31) Integer anchorDay,
        @Schema(description = "Periods start on the first anchor day on or after this date. May lie in the past, but"
                + " billing starts with the first period starting on or after the day the schedule is created, unless"
                + " catchUpFrom says otherwise") @NotNull LocalDate startDate,
        @Schema(description = "Inclusive: no period starts after it; absent for open-ended") LocalDate endDate,
        @Schema(description = "Bill the missed periods starting on or after this date (on or after startDate, not in"
                + " the future), at most receivables.invoicing.schedules.max-catch-up of them (default 12); absent:"
                + " no missed period is billed") LocalDate catchUpFrom,
        @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as EUR") String currency,
        @Valid PaymentTermsRequest paymentTerms,
        @Size(max = 64) String poNumber,
        @NotEmpty @Size(max = 500) List<@NotNull @Valid InvoiceLineRequest> lines) {

    /**
     * The schedule's invoice template, mapped from this request (bean validation has run, so the decimals are
     * well-formed). Terms the service would refuse map to null here; it reports them from {@link #paymentTerms}.
     */
    public InvoiceTemplate template() {
        PaymentTerms terms = paymentTerms == null ? null : paymentTerms.toTerms("paymentTerms", new ArrayList<>());
        return new InvoiceTemplate(currency, terms, poNumber, lines.stream()
                .map(line -> new InvoiceTemplate.Line(line.description(), DecimalStrings.parse(line.quantity()),
                        DecimalStrings.parse(line.unitPrice()), DecimalStrings.parse(line.taxRate()),
                        InvoiceTemplate.Exemption.of(line.vatExemption())))
                .toList());
    }
}
