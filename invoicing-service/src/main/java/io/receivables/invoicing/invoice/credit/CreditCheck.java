package io.receivables.invoicing.invoice.credit;

import java.math.BigDecimal;

import io.receivables.common.money.Currencies;
import io.receivables.common.problem.FieldError;
import io.receivables.common.problem.ProblemException;
import io.receivables.common.problem.ProblemType;
import io.receivables.invoicing.customer.Customer;

/**
 * An invoice against the customer's credit limit. The limit is in the customer's billing currency, so only invoices in
 * that currency count towards it (amounts are never converted); an invoice in another currency is not checked.
 */
public record CreditCheck(Decision decision, String currency, BigDecimal creditLimit, BigDecimal openBefore,
        BigDecimal openAfter, String reason) {

    public enum Decision {
        NO_LIMIT,
        WITHIN_LIMIT,
        ALLOWED_OVER_LIMIT
    }

    /**
     * Decides for an invoice of {@code amount} in {@code currency}, given the customer's open AR in its billing currency;
     * under {@link CreditLimitConfig.Policy#REJECT} an excess is a 422 problem instead.
     */
    public static CreditCheck decide(Customer customer, String currency, BigDecimal amount, BigDecimal openBefore,
            CreditLimitConfig.Policy policy) {
        if (customer.creditLimit == null) {
            return new CreditCheck(Decision.NO_LIMIT, customer.currency, null, openBefore, null,
                    "the customer has no credit limit");
        }
        if (!currency.equals(customer.currency)) {
            return new CreditCheck(Decision.NO_LIMIT, customer.currency, customer.creditLimit, openBefore, null,
                    "the credit limit is in " + customer.currency + " and this invoice is in " + currency
                            + "; amounts are never converted");
        }
        BigDecimal openAfter = openBefore.add(amount);
        if (openAfter.compareTo(customer.creditLimit) <= 0) {
            return new CreditCheck(Decision.WITHIN_LIMIT, customer.currency, customer.creditLimit, openBefore, openAfter,
                    "open AR stays within the credit limit");
        }
        String reason = "open AR would be " + money(openAfter, currency) + " " + currency + ", over the credit limit of "
                + money(customer.creditLimit, currency) + " (" + money(openBefore, currency) + " open before this invoice)";
        if (policy == CreditLimitConfig.Policy.REJECT) {
            throw new ProblemException(ProblemType.CREDIT_LIMIT_EXCEEDED, reason,
                    java.util.List.of(new FieldError("customerId", reason)));
        }
        return new CreditCheck(Decision.ALLOWED_OVER_LIMIT, customer.currency, customer.creditLimit, openBefore, openAfter,
                reason + "; issued and flagged, as the credit-limit policy is FLAG");
    }

    public boolean exceeded() {
        return decision == Decision.ALLOWED_OVER_LIMIT;
    }

    private static String money(BigDecimal amount, String currency) {
        return Currencies.format(amount, currency);
    }
}
