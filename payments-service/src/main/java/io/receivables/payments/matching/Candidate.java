package io.receivables.payments.matching;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.UUID;

/**
 * An open invoice of the payer, as cash application sees it: what is open on it now (after credit notes and what this
 * service allocated before) and its early-payment discount, if any.
 *
 * @param discountAmount the discount the terms grant on the total; null without one
 * @param untouched nothing was credited, paid or allocated on it yet: only then may the discounted total settle it
 */
public record Candidate(UUID invoiceId, String number, String numberKey, String numberCore, String creditorReference,
        LocalDate issueDate, LocalDate dueDate, BigDecimal openAmount, LocalDate discountDate,
        BigDecimal discountAmount, boolean untouched) {

    /** Oldest due first, then oldest issued, then by number: the order "oldest" means everywhere in matching. */
    public static final Comparator<Candidate> OLDEST_FIRST = Comparator.comparing(Candidate::dueDate)
            .thenComparing(Candidate::issueDate).thenComparing(Candidate::number);

    /** The discount a payment with this value date may take: null outside the window or without a discount. */
    public BigDecimal discountOn(LocalDate valueDate) {
        if (discountAmount == null || discountDate == null || discountAmount.signum() <= 0 || !untouched
                || valueDate.isAfter(discountDate) || discountAmount.compareTo(openAmount) >= 0) {
            return null;
        }
        return discountAmount;
    }
}
