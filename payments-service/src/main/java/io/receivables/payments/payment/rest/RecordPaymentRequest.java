package io.receivables.payments.payment.rest;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.receivables.common.money.DecimalStrings;
import io.receivables.contracts.events.PaymentReceived;
import io.receivables.payments.payment.service.RecordPayment;

/** The body of POST /payments; turned into the service's {@link RecordPayment} command at the edge. */
public record RecordPaymentRequest(
        @Schema(description = "Who paid; omit it when the payer account or the references identify the customer") UUID customerId,
        @Schema(required = true, description = "Decimal string with at most the currency's minor units, e.g. \"1428.00\"") @NotNull @Pattern(regexp = DecimalStrings.REGEX, message = "must be a decimal string such as \"120.00\"") String amount,
        @Schema(required = true) @NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as EUR") String currency,
        @Schema(required = true, description = "The day the money is available on our account") @NotNull LocalDate valueDate,
        @Schema(required = true) @NotNull PaymentReceived.Method method,
        @Size(max = 140) String payerName,
        @Schema(description = "The payer's IBAN, spaces allowed; a payer account seen before identifies the customer") @Size(max = 42) String payerAccount,
        @Schema(description = "The remittance information as the payer wrote it") @Size(max = 1000) String remittanceText,
        @Schema(description = "A structured creditor reference, e.g. ISO 11649 \"RF18 5390 0754 7034\"") @Size(max = 35) String structuredReference,
        @Schema(description = "This source's own id of the payment (e.g. the bank reference): a second payment with the same one is not recorded again") @Size(max = 200) String externalReference,
        @Schema(description = "Which invoices it pays; omit them to let cash application decide") @Size(max = 100) List<@NotNull @Valid AllocationRequest> allocations) {

    /** An allocation of the payment to an invoice. */
    public record AllocationRequest(
            @Schema(required = true) @NotNull UUID invoiceId,
            @Schema(required = true) @NotNull @Pattern(regexp = DecimalStrings.REGEX, message = "must be a decimal string such as \"120.00\"") String amount) {
    }

    /** The command, as any source of payments gives it; the amounts were checked to be decimal strings. */
    public RecordPayment command() {
        return new RecordPayment("API", externalReference, customerId, new BigDecimal(amount), currency, valueDate,
                method, payerName, payerAccount, remittanceText, structuredReference,
                allocations == null ? List.of()
                        : allocations.stream()
                                .map(a -> new RecordPayment.RequestedAllocation(a.invoiceId(), new BigDecimal(a.amount())))
                                .toList());
    }
}
