package io.receivables.invoicing.invoice.service;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import io.receivables.common.money.Currencies;
import io.receivables.common.money.DecimalStrings;
import io.receivables.common.problem.FieldError;
import io.receivables.invoicing.invoice.rest.CreateInvoiceRequest;
import io.receivables.invoicing.invoice.rest.InvoiceLineRequest;

/**
 * The rules bean validation cannot say: signs and precision of decimals, a real ISO 4217 currency, a due date not before
 * the issue date. Runs after bean validation, so every decimal here is already a well-formed decimal string.
 */
public final class InvoiceRequestChecks {

    /** The storage precision of quantities, unit prices and tax rates. */
    static final int MAX_DECIMALS = 6;

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

    /** The lines' decimals: positive quantity, no negative price, a rate between 0 and 1, storage precision. */
    public static List<FieldError> checkLines(List<InvoiceLineRequest> lines) {
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            checkLine("lines[" + i + "].", lines.get(i), errors);
        }
        return errors;
    }

    private static void checkLine(String prefix, InvoiceLineRequest line, List<FieldError> errors) {
        BigDecimal quantity = DecimalStrings.parse(line.quantity());
        if (quantity.signum() <= 0) {
            errors.add(new FieldError(prefix + "quantity", "must be greater than zero"));
        }
        precision(prefix + "quantity", quantity, errors);
        BigDecimal unitPrice = DecimalStrings.parse(line.unitPrice());
        if (unitPrice.signum() < 0) {
            errors.add(new FieldError(prefix + "unitPrice", "must not be negative; issue a credit note instead"));
        }
        precision(prefix + "unitPrice", unitPrice, errors);
        BigDecimal taxRate = DecimalStrings.parse(line.taxRate());
        if (taxRate.signum() < 0 || taxRate.compareTo(BigDecimal.ONE) > 0) {
            errors.add(new FieldError(prefix + "taxRate", "must be a fraction between 0 and 1 (0.20 for 20 %)"));
        }
        precision(prefix + "taxRate", taxRate, errors);
    }

    private static void precision(String field, BigDecimal value, List<FieldError> errors) {
        if (value.stripTrailingZeros().scale() > MAX_DECIMALS) {
            errors.add(new FieldError(field, "must have at most " + MAX_DECIMALS + " decimal places"));
        }
    }
}
