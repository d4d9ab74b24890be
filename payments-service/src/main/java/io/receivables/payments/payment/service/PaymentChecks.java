package io.receivables.payments.payment.service;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.receivables.common.limits.BusinessDates;
import io.receivables.common.limits.NumericColumn;
import io.receivables.common.money.Currencies;
import io.receivables.common.problem.FieldError;
import io.receivables.common.problem.ProblemException;
import io.receivables.common.text.FreeText;
import io.receivables.payments.payment.Iban;

/**
 * The checks of a payment command that need no database, whichever source it came from: every rejected field is named
 * at once, and nothing is written.
 */
final class PaymentChecks {

    /** The money columns: NUMERIC(19, 4). */
    static final NumericColumn MONEY = new NumericColumn(19, 4);
    static final int MAX_ALLOCATIONS = 100;

    private PaymentChecks() {
    }

    /** The command with its payer account in electronic form; 400 naming every bad field. */
    static RecordPayment checked(RecordPayment command) {
        List<FieldError> errors = new ArrayList<>();
        text("source", command.source(), 32, true, errors);
        text("externalReference", command.externalReference(), 200, false, errors);
        text("payerName", command.payerName(), 140, false, errors);
        text("remittanceText", command.remittanceText(), 1000, false, errors);
        text("structuredReference", command.structuredReference(), 35, false, errors);
        boolean currencyKnown = command.currency() != null && Currencies.isIssuable(command.currency());
        if (!currencyKnown) {
            errors.add(new FieldError("currency", "must be an ISO 4217 code such as \"EUR\""));
        }
        money("amount", command.amount(), currencyKnown ? command.currency() : null, errors);
        if (command.valueDate() == null) {
            errors.add(new FieldError("valueDate", "is required"));
        } else if (!BusinessDates.inRange(command.valueDate())) {
            errors.add(new FieldError("valueDate", BusinessDates.RANGE_MESSAGE));
        }
        if (command.method() == null) {
            errors.add(new FieldError("method", "is required"));
        }
        String account = null;
        if (command.payerAccount() != null) {
            String problem = Iban.problem(command.payerAccount());
            if (problem != null) {
                errors.add(new FieldError("payerAccount", problem));
            } else {
                account = Iban.normalize(command.payerAccount()).orElseThrow();
            }
        }
        allocations(command, currencyKnown ? command.currency() : null, errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return new RecordPayment(command.source(), command.externalReference(), command.customerId(), command.amount(),
                command.currency(), command.valueDate(), command.method(), FreeText.optional(command.payerName()),
                account, FreeText.optional(command.remittanceText()), FreeText.optional(command.structuredReference()),
                command.allocations());
    }

    /** Explicit allocations: each for a named invoice, each a valid amount, none twice, together within the payment. */
    static void allocations(RecordPayment command, String currency, List<FieldError> errors) {
        List<RecordPayment.RequestedAllocation> allocations = command.allocations();
        if (allocations.size() > MAX_ALLOCATIONS) {
            errors.add(new FieldError("allocations", "at most " + MAX_ALLOCATIONS + " per payment"));
            return;
        }
        Set<UUID> seen = new HashSet<>();
        BigDecimal sum = BigDecimal.ZERO;
        boolean summable = true;
        for (int i = 0; i < allocations.size(); i++) {
            RecordPayment.RequestedAllocation allocation = allocations.get(i);
            String field = "allocations[" + i + "]";
            if (allocation == null) {
                errors.add(new FieldError(field, "must be an object with invoiceId and amount"));
                summable = false;
                continue;
            }
            if (allocation.invoiceId() == null) {
                errors.add(new FieldError(field + ".invoiceId", "is required"));
            } else if (!seen.add(allocation.invoiceId())) {
                errors.add(new FieldError(field + ".invoiceId", "names an invoice an earlier allocation names"));
            }
            summable &= money(field + ".amount", allocation.amount(), currency, errors);
            if (allocation.amount() != null) {
                sum = sum.add(allocation.amount());
            }
        }
        if (summable && command.amount() != null && sum.compareTo(command.amount()) > 0) {
            errors.add(new FieldError("allocations", "add up to " + sum.toPlainString()
                    + ", more than the payment's amount " + command.amount().toPlainString()));
        }
    }

    /** A positive amount within the column with no more decimals than the currency has; false when it is not. */
    static boolean money(String field, BigDecimal amount, String currency, List<FieldError> errors) {
        int before = errors.size();
        if (amount == null) {
            errors.add(new FieldError(field, "is required"));
            return false;
        }
        if (amount.signum() <= 0) {
            errors.add(new FieldError(field, "must be more than zero"));
        } else if (currency != null && amount.stripTrailingZeros().scale() > Currencies.minorUnits(currency)) {
            errors.add(new FieldError(field, "has more decimals than " + currency + " has minor units ("
                    + Currencies.minorUnits(currency) + ")"));
        } else {
            MONEY.check(field, amount, errors);
        }
        return errors.size() == before;
    }

    private static void text(String field, String value, int max, boolean required, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            if (required) {
                errors.add(new FieldError(field, "is required"));
            }
        } else if (value.length() > max) {
            errors.add(new FieldError(field, "must be at most " + max + " characters"));
        } else if (FreeText.hasNul(value)) {
            errors.add(new FieldError(field, FreeText.NUL_MESSAGE));
        }
    }
}
