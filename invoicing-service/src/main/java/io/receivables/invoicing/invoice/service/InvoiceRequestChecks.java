package io.receivables.invoicing.invoice.service;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import io.receivables.common.limits.BusinessDates;
import io.receivables.common.money.Currencies;
import io.receivables.common.money.DecimalStrings;
import io.receivables.common.problem.FieldError;
import io.receivables.common.problem.ProblemException;
import io.receivables.common.text.FreeText;
import io.receivables.invoicing.ColumnLimits;
import io.receivables.invoicing.invoice.rest.CreateInvoiceRequest;
import io.receivables.invoicing.invoice.rest.InvoiceLineRequest;
import io.receivables.invoicing.terms.PaymentTerms;

/**
 * The rules bean validation cannot say: signs and precision of decimals, what the database columns hold (also for the
 * amounts computed from them), a real ISO 4217 currency, a due date not before the issue date. Runs after bean
 * validation, so every decimal here is already a well-formed decimal string.
 */
public final class InvoiceRequestChecks {

    private InvoiceRequestChecks() {
    }

    public static List<FieldError> check(CreateInvoiceRequest request) {
        List<FieldError> errors = new ArrayList<>();
        if (request.currency() != null && !Currencies.isIssuable(request.currency())) {
            errors.add(new FieldError("currency", "'" + request.currency() + "' is not an ISO 4217 currency"));
        }
        if (request.dueDate() != null && request.issueDate() != null && request.dueDate().isBefore(request.issueDate())) {
            errors.add(new FieldError("dueDate", "must not be before issueDate " + request.issueDate()));
        }
        CreateInvoiceRequest.BillingPeriod period = request.billingPeriod();
        if (period != null && period.start() != null && period.end() != null && period.end().isBefore(period.start())) {
            errors.add(new FieldError("billingPeriod.end", "must not be before billingPeriod.start " + period.start()));
        }
        errors.addAll(checkLines(request.lines()));
        return errors;
    }

    /**
     * The lines' decimals: positive quantity, no negative price, a rate between 0 and 1, what the columns hold, and
     * amounts (each line's net, the invoice's total) the amount columns can hold.
     */
    public static List<FieldError> checkLines(List<InvoiceLineRequest> lines) {
        List<FieldError> errors = new ArrayList<>();
        BigDecimal gross = BigDecimal.ZERO;
        for (int i = 0; i < lines.size(); i++) {
            gross = gross.add(checkLine("lines[" + i + "].", lines.get(i), errors));
        }
        checkExemptions(lines, errors);
        if (errors.isEmpty() && gross.compareTo(ColumnLimits.AMOUNT.bound()) >= 0) {
            errors.add(new FieldError("lines", "the total would be about " + gross.toBigInteger()
                    + "; an invoice's total must be less than " + ColumnLimits.AMOUNT.bound().toPlainString()));
        }
        return errors;
    }

    /**
     * Issuing refuses an invoice whose dates, as computed from its terms, leave the range every date keeps
     * ({@link BusinessDates}); drafts and schedules check the same before they are kept, so that issuing them later
     * cannot fail on it.
     *
     * @throws ProblemException 400 naming {@code prefix + "dueDate"} (or {@code issueDate})
     */
    public static void requireDatesInRange(String prefix, LocalDate issueDate, LocalDate dueDate, PaymentTerms terms) {
        List<FieldError> errors = new ArrayList<>();
        if (issueDate != null && !BusinessDates.inRange(issueDate)) {
            errors.add(new FieldError(prefix + "issueDate", BusinessDates.RANGE_MESSAGE));
        } else if (issueDate != null) {
            BusinessDates.checkComputed(prefix + "dueDate", dueDate != null ? dueDate : terms.dueDate(issueDate),
                    "the due date from the payment terms", errors);
            BusinessDates.checkComputed(prefix + "paymentTerms.discountDays", terms.discountDate(issueDate).orElse(null),
                    "the discount date", errors);
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
    }

    /**
     * A VAT exemption only on a zero-rated line; E with its reason (BR-E-10); one exemption for all zero-rated lines of
     * an invoice, so its e-invoice has one breakdown for them (BR-E-01, BR-AE-01) and a credit at the zero rate knows
     * which category it credits.
     */
    private static void checkExemptions(List<InvoiceLineRequest> lines, List<FieldError> errors) {
        InvoiceLineRequest.VatExemptionRequest first = null;
        boolean firstSeen = false;
        for (int i = 0; i < lines.size(); i++) {
            InvoiceLineRequest line = lines.get(i);
            InvoiceLineRequest.VatExemptionRequest exemption = line.vatExemption();
            String field = "lines[" + i + "].vatExemption";
            boolean zeroRated = line.taxRate() != null && DecimalStrings.parse(line.taxRate()).signum() == 0;
            if (exemption != null && !zeroRated) {
                errors.add(new FieldError(field, "only a zero-rated line (taxRate 0) is exempt or reverse charge"));
                continue;
            }
            if (exemption != null && "E".equals(exemption.category()) && FreeText.optional(exemption.reason()) == null) {
                errors.add(new FieldError(field + ".reason", "an exempt line states why (EN 16931 BR-E-10)"));
            }
            if (!zeroRated) {
                continue;
            }
            if (!firstSeen) {
                first = exemption;
                firstSeen = true;
            } else if (!java.util.Objects.equals(first, exemption)) {
                errors.add(new FieldError(field, "an invoice's zero-rated lines share one VAT exemption (or none):"
                        + " its e-invoice states one VAT breakdown for them"));
            }
        }
    }

    /** Checks one line; returns its gross amount (net plus tax, unrounded), zero when it is invalid. */
    private static BigDecimal checkLine(String prefix, InvoiceLineRequest line, List<FieldError> errors) {
        int before = errors.size();
        BigDecimal quantity = DecimalStrings.parse(line.quantity());
        if (quantity.signum() <= 0) {
            errors.add(new FieldError(prefix + "quantity", "must be greater than zero"));
        }
        ColumnLimits.LINE_DECIMAL.check(prefix + "quantity", quantity, errors);
        BigDecimal unitPrice = DecimalStrings.parse(line.unitPrice());
        if (unitPrice.signum() < 0) {
            errors.add(new FieldError(prefix + "unitPrice", "must not be negative; issue a credit note instead"));
        }
        ColumnLimits.LINE_DECIMAL.check(prefix + "unitPrice", unitPrice, errors);
        BigDecimal taxRate = DecimalStrings.parse(line.taxRate());
        if (taxRate.signum() < 0 || taxRate.compareTo(BigDecimal.ONE) > 0) {
            errors.add(new FieldError(prefix + "taxRate", "must be a fraction between 0 and 1 (0.20 for 20 %)"));
        } else {
            ColumnLimits.RATE.check(prefix + "taxRate", taxRate, errors);
        }
        if (errors.size() > before) {
            return BigDecimal.ZERO;
        }
        BigDecimal net = quantity.multiply(unitPrice);
        if (net.compareTo(ColumnLimits.AMOUNT.bound()) >= 0) {
            errors.add(new FieldError(prefix + "unitPrice", "quantity × unitPrice would be about " + net.toBigInteger()
                    + "; a line's amount must be less than " + ColumnLimits.AMOUNT.bound().toPlainString()));
            return BigDecimal.ZERO;
        }
        return net.add(net.multiply(taxRate));
    }
}
