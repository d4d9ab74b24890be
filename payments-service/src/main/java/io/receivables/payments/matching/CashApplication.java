package io.receivables.payments.matching;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Decides, without touching the database, which open invoices of one customer a payment pays and why. Rules in order,
 * the first that matches decides: explicit allocations; an ISO 11649 creditor reference; invoice numbers in the
 * remittance text; the one invoice whose open amount, or discounted amount within its window, equals the payment; the
 * smallest set of up to five invoices summing exactly to it (then the oldest); otherwise the configured policy. What is
 * left is unapplied cash. When any allocation is less sure than the threshold, none is made and the payment waits for
 * review with the proposal in its reason.
 * <p>
 * The caller passes the customer's open invoices in the payment's currency, locked (so what is open cannot change
 * before the allocations are written), with amounts at the currency's scale.
 */
public final class CashApplication {

    private final MatchingSettings settings;

    public CashApplication(MatchingSettings settings) {
        this.settings = settings;
    }

    public Application apply(Incoming payment, List<Candidate> openInvoices) {
        List<Candidate> open = openInvoices.stream().filter(c -> c.openAmount().signum() > 0)
                .sorted(Candidate.OLDEST_FIRST).toList();
        List<Match> matches = !payment.explicit().isEmpty() ? explicit(payment, openInvoices)
                : automatic(payment, open);
        BigDecimal applied = matches.stream().map(Match::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal unapplied = payment.amount().subtract(applied);
        List<Match> unsure = matches.stream()
                .filter(m -> m.confidence().compareTo(settings.threshold()) < 0).toList();
        if (!unsure.isEmpty()) {
            String proposal = matches.stream().map(m -> m.rule() + " " + m.confidence() + ": " + m.explanation())
                    .collect(Collectors.joining("; "));
            return new Application(List.of(), payment.amount(), true, "below the confidence threshold "
                    + settings.threshold() + ", nothing applied; proposed: " + proposal);
        }
        return new Application(matches, unapplied, false, null);
    }

    private static List<Match> explicit(Incoming payment, List<Candidate> candidates) {
        Map<java.util.UUID, Candidate> byId = candidates.stream()
                .collect(Collectors.toMap(Candidate::invoiceId, Function.identity()));
        return payment.explicit().stream().map(requested -> new Match(requested.invoiceId(), requested.amount(), null,
                MatchingRule.EXPLICIT, MatchingRule.EXPLICIT.confidence(),
                "allocated to " + byId.get(requested.invoiceId()).number() + " as the request said")).toList();
    }

    private List<Match> automatic(Incoming payment, List<Candidate> open) {
        RemittanceReferences references = RemittanceReferences.scan(payment.remittanceText(),
                payment.structuredReference());
        List<Match> byReference = byCreditorReference(payment, open, references);
        if (!byReference.isEmpty()) {
            return byReference;
        }
        List<Match> byNumber = byInvoiceNumbers(payment, open, references);
        if (!byNumber.isEmpty()) {
            return byNumber;
        }
        List<Match> byAmount = byAmount(payment, open);
        if (!byAmount.isEmpty()) {
            return byAmount;
        }
        List<Match> byDiscount = byDiscountedAmount(payment, open);
        if (!byDiscount.isEmpty()) {
            return byDiscount;
        }
        List<Match> bySum = byCombination(payment, open);
        if (!bySum.isEmpty()) {
            return bySum;
        }
        if (settings.policy() == MatchingSettings.UnmatchedPolicy.OLDEST_FIRST) {
            return distribute(payment, open, MatchingRule.OLDEST_FIRST, MatchingRule.OLDEST_FIRST.confidence(),
                    c -> "no reference or amount matched; oldest due first (policy), due " + c.dueDate());
        }
        return List.of();
    }

    private static List<Match> byCreditorReference(Incoming payment, List<Candidate> open,
            RemittanceReferences references) {
        List<Candidate> named = open.stream()
                .filter(c -> references.creditorReferences().contains(c.creditorReference())).toList();
        return distribute(payment, named, MatchingRule.CREDITOR_REFERENCE, MatchingRule.CREDITOR_REFERENCE.confidence(),
                c -> "creditor reference " + c.creditorReference() + " is invoice " + c.number());
    }

    private static List<Match> byInvoiceNumbers(Incoming payment, List<Candidate> open,
            RemittanceReferences references) {
        record Named(Candidate candidate, int position, boolean whole) {
        }
        List<Named> named = new ArrayList<>();
        for (Candidate c : open) {
            Integer whole = references.position(c.numberKey());
            Integer core = c.numberCore().length() >= RemittanceReferences.MIN_CORE_LENGTH
                    ? references.position(c.numberCore())
                    : null;
            if (whole != null) {
                named.add(new Named(c, whole, true));
            } else if (core != null) {
                named.add(new Named(c, core, false));
            }
        }
        if (named.isEmpty()) {
            return List.of();
        }
        // in the order the payer wrote them
        named.sort(Comparator.comparingInt(Named::position));
        List<Candidate> inOrder = named.stream().map(Named::candidate).toList();
        Map<java.util.UUID, Boolean> wholeNumber = named.stream()
                .collect(Collectors.toMap(n -> n.candidate().invoiceId(), Named::whole));
        List<Match> matches = distribute(payment, inOrder, MatchingRule.INVOICE_NUMBER,
                MatchingRule.INVOICE_NUMBER.confidence(), c -> "invoice number " + c.number()
                        + (wholeNumber.get(c.invoiceId()) ? "" : " (without its prefix)") + " in the remittance text");
        return matches.stream().map(m -> wholeNumber.get(m.invoiceId()) ? m
                : new Match(m.invoiceId(), m.amount(), m.discount(), m.rule(), MatchingRule.NUMBER_CORE,
                        m.explanation()))
                .toList();
    }

    private static List<Match> byAmount(Incoming payment, List<Candidate> open) {
        List<Candidate> equal = open.stream().filter(c -> c.openAmount().compareTo(payment.amount()) == 0).toList();
        if (equal.isEmpty()) {
            return List.of();
        }
        Candidate chosen = equal.getFirst();
        boolean unique = equal.size() == 1;
        return List.of(new Match(chosen.invoiceId(), payment.amount(), null, MatchingRule.EXACT_AMOUNT,
                unique ? MatchingRule.EXACT_AMOUNT.confidence() : MatchingRule.AMBIGUOUS,
                unique ? "the only open invoice of " + payment.amount().toPlainString() + ": " + chosen.number()
                        : equal.size() + " open invoices of " + payment.amount().toPlainString() + "; the oldest is "
                                + chosen.number()));
    }

    private static List<Match> byDiscountedAmount(Incoming payment, List<Candidate> open) {
        LocalDate valueDate = payment.valueDate();
        List<Candidate> equal = open.stream().filter(c -> {
            BigDecimal discount = c.discountOn(valueDate);
            return discount != null && c.openAmount().subtract(discount).compareTo(payment.amount()) == 0;
        }).toList();
        if (equal.isEmpty()) {
            return List.of();
        }
        Candidate chosen = equal.getFirst();
        boolean unique = equal.size() == 1;
        BigDecimal discount = chosen.discountOn(valueDate);
        return List.of(new Match(chosen.invoiceId(), payment.amount(), discount, MatchingRule.DISCOUNTED_AMOUNT,
                unique ? MatchingRule.DISCOUNTED_AMOUNT.confidence() : MatchingRule.AMBIGUOUS,
                "invoice " + chosen.number() + " less its early-payment discount of " + discount.toPlainString()
                        + " (until " + chosen.discountDate() + ")"
                        + (unique ? "" : "; " + equal.size() + " invoices fit, the oldest chosen")));
    }

    private List<Match> byCombination(Incoming payment, List<Candidate> open) {
        ExactSums.Found found = ExactSums.smallestOldest(open.stream().map(Candidate::openAmount).toList(),
                payment.amount(), settings.maxCombination(), settings.searchBudget());
        if (found == null) {
            return List.of();
        }
        List<Candidate> set = found.indexes().stream().map(open::get).toList();
        String numbers = set.stream().map(Candidate::number).collect(Collectors.joining(", "));
        BigDecimal confidence = found.unique() ? MatchingRule.COMBINATION.confidence() : MatchingRule.AMBIGUOUS;
        String why = set.size() + " open invoices sum exactly to the payment: " + numbers
                + (found.unique() ? "" : " (other sets of " + set.size() + " fit too; the oldest chosen)");
        return set.stream().map(c -> new Match(c.invoiceId(), c.openAmount(), null, MatchingRule.COMBINATION,
                confidence, why)).toList();
    }

    /**
     * The payment over {@code invoices} in their order, each up to what is open on it; when the payment is exactly
     * their open amounts less the discounts they may still take, each is settled with its discount.
     */
    private static List<Match> distribute(Incoming payment, List<Candidate> invoices, MatchingRule rule,
            BigDecimal confidence, Function<Candidate, String> why) {
        if (invoices.isEmpty()) {
            return List.of();
        }
        BigDecimal discounted = BigDecimal.ZERO;
        boolean anyDiscount = false;
        for (Candidate c : invoices) {
            BigDecimal discount = c.discountOn(payment.valueDate());
            anyDiscount |= discount != null;
            discounted = discounted.add(discount == null ? c.openAmount() : c.openAmount().subtract(discount));
        }
        boolean takesDiscounts = anyDiscount && discounted.compareTo(payment.amount()) == 0;
        List<Match> matches = new ArrayList<>();
        BigDecimal left = payment.amount();
        for (Candidate c : invoices) {
            if (left.signum() <= 0) {
                break;
            }
            BigDecimal discount = takesDiscounts ? c.discountOn(payment.valueDate()) : null;
            BigDecimal due = discount == null ? c.openAmount() : c.openAmount().subtract(discount);
            BigDecimal amount = left.min(due);
            String explanation = why.apply(c) + (discount == null ? ""
                    : "; early-payment discount " + discount.toPlainString() + " taken (until " + c.discountDate()
                            + ")");
            matches.add(new Match(c.invoiceId(), amount, discount, rule, confidence, explanation));
            left = left.subtract(amount);
        }
        return matches;
    }

    /** A confidence as stored: two decimals. */
    public static BigDecimal confidence(BigDecimal value) {
        return value.setScale(2, RoundingMode.HALF_UP);
    }
}
