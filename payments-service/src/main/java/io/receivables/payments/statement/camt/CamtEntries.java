package io.receivables.payments.statement.camt;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.receivables.common.text.FreeText;
import io.receivables.payments.statement.CreditorReferences;
import io.receivables.payments.statement.EntryKind;
import io.receivables.payments.statement.Remittance;
import io.receivables.payments.statement.StatementAmounts;
import io.receivables.payments.statement.StatementEntry;
import io.receivables.payments.statement.StatementErrors;

/**
 * The rules that turn camt entries of any version into {@link StatementEntry}s: which entries are payments, reversals
 * or skipped, how a batch splits, which amount counts, and the de-duplication key.
 */
final class CamtEntries {

    /** What banks write where a reference is required and they have none. */
    private static final Set<String> NO_REFERENCE = Set.of("NONREF", "NOTPROVIDED", "NOT PROVIDED");

    private CamtEntries() {
    }

    static void addTo(List<StatementEntry> out, EntryFacts entry, StatementErrors errors) {
        String where = at(entry.line());
        String location = entry.path() + where;
        String status = entry.status();
        if (!"BOOK".equals(status)) {
            // pending and informational entries may still change or vanish: the booked entry of a later file is the payment
            out.add(StatementEntry.skipped(location, null, entry.amount(), entry.currency(), entry.bookingDate(),
                    status == null ? "no known entry status (Sts): only booked (BOOK) entries are payments"
                            : "status " + status + ": only booked (BOOK) entries are payments"));
            return;
        }
        if (entry.credit() == null) {
            errors.add(entry.path() + "/CdtDbtInd", "is missing or not CRDT/DBIT" + where);
            return;
        }
        boolean returned = entry.transactions().stream().anyMatch(TransactionFacts::returned);
        if (entry.credit() && entry.reversal()) {
            out.add(StatementEntry.skipped(location, reference(entry, null, 0, 1), entry.amount(), entry.currency(),
                    entry.bookingDate(), "a credit that reverses one of our own debits (RvslInd): not money a customer sent"));
            return;
        }
        if (!entry.credit() && !entry.reversal() && !returned) {
            out.add(StatementEntry.skipped(location, reference(entry, null, 0, 1), entry.amount(), entry.currency(),
                    entry.bookingDate(), "a debit (fee, transfer out): not money a customer sent"));
            return;
        }
        EntryKind kind = entry.credit() ? EntryKind.PAYMENT : EntryKind.REVERSAL;
        BigDecimal entryAmount = StatementAmounts.exact(entry.amount(), entry.currency(), entry.path() + "/Amt",
                at(entry.amountLine()), errors);
        LocalDate valueDate = entry.valueDate() != null ? entry.valueDate() : entry.bookingDate();
        if (valueDate == null) {
            errors.add(entry.path() + "/BookgDt", "a booked entry needs its booking or value date (BookgDt, ValDt)" + where);
        }
        if (entryAmount == null || valueDate == null) {
            return;
        }
        List<TransactionFacts> transactions = entry.transactions();
        if (transactions.size() <= 1) {
            TransactionFacts only = transactions.isEmpty() ? null : transactions.get(0);
            out.add(entry(entry, only, 0, 1, kind, entryAmount, valueDate, List.of()));
            return;
        }
        splitBatch(out, entry, kind, entryAmount, valueDate, errors);
    }

    /**
     * Each transaction of a batch is one payer's payment. Its amount is its own; when the details do not add up to the
     * entry (real files do that), the details still win, since they are what each payer sent, and every part carries a
     * note so that the report shows the difference instead of hiding it.
     */
    private static void splitBatch(List<StatementEntry> out, EntryFacts entry, EntryKind kind, BigDecimal entryAmount,
            LocalDate valueDate, StatementErrors errors) {
        List<TransactionFacts> transactions = entry.transactions();
        List<BigDecimal> amounts = new ArrayList<>();
        BigDecimal sum = BigDecimal.ZERO;
        boolean complete = true;
        for (TransactionFacts tx : transactions) {
            String field = tx.path() + "/Amt";
            if (tx.amount() == null) {
                errors.add(field, "a transaction of a batch entry needs its own amount (TxDtls/Amt or AmtDtls/TxAmt)"
                        + at(tx.line()));
                complete = false;
                continue;
            }
            if (!entry.currency().equals(tx.currency())) {
                errors.add(field, "currency " + tx.currency() + " differs from its entry's " + entry.currency()
                        + at(tx.amountLine()));
                complete = false;
                continue;
            }
            BigDecimal amount = StatementAmounts.exact(tx.amount(), tx.currency(), field, at(tx.amountLine()), errors);
            if (amount == null) {
                complete = false;
                continue;
            }
            amounts.add(amount);
            sum = sum.add(amount);
        }
        if (!complete) {
            return;
        }
        List<String> notes = sum.compareTo(entryAmount) == 0 ? List.of()
                : List.of("the batch's transactions add up to " + sum.toPlainString() + ", its entry " + entry.path()
                        + " to " + entryAmount.toPlainString() + " " + entry.currency());
        for (int i = 0; i < transactions.size(); i++) {
            TransactionFacts tx = transactions.get(i);
            if (tx.credit() != null && tx.credit() != entry.credit()) {
                out.add(StatementEntry.skipped(tx.path() + at(tx.line()), reference(entry, tx, i, transactions.size()),
                        amounts.get(i), entry.currency(), entry.bookingDate(),
                        "its CdtDbtInd is the opposite of its batch entry's"));
                continue;
            }
            out.add(entry(entry, tx, i, transactions.size(), kind, amounts.get(i), valueDate, notes));
        }
    }

    private static StatementEntry entry(EntryFacts entry, TransactionFacts tx, int index, int count, EntryKind kind,
            BigDecimal amount, LocalDate valueDate, List<String> notes) {
        String location = tx == null ? entry.path() + at(entry.line()) : tx.path() + at(tx.line());
        String endToEndId = tx == null ? null : reference(tx.endToEndId());
        boolean reversal = kind == EntryKind.REVERSAL;
        return new StatementEntry(location, kind, reference(entry, tx, index, count), amount, entry.currency(),
                entry.bookingDate(), valueDate, tx == null ? null : FreeText.optional(tx.payerName()),
                tx == null ? null : tx.payerAccount(), tx == null ? Remittance.NONE : remittance(tx), endToEndId,
                reversal ? endToEndId : null, reversal && tx != null ? tx.returnReason() : null, null, notes);
    }

    /**
     * The de-duplication key (docs/bank-statements.md): the account, then the bank's own reference for the booking
     * ({@code AcctSvcrRef} of the transaction, else of the entry plus the transaction's position in a batch), which is
     * the same in every file that reports that booking, camt.054 and camt.053 alike. Without one, the statement's id
     * and the entry's reference or position: stable when the same file is imported again.
     */
    static String reference(EntryFacts entry, TransactionFacts tx, int index, int count) {
        String part = count > 1 ? "/" + (index + 1) : "";
        String txRef = tx == null ? null : reference(tx.acctSvcrRef());
        if (txRef != null) {
            return entry.account() + "/" + txRef;
        }
        String entryRef = reference(entry.acctSvcrRef());
        if (entryRef != null) {
            return entry.account() + "/" + entryRef + part;
        }
        String ntryRef = reference(entry.ntryRef());
        return entry.account() + "/" + entry.statementId() + "/" + (ntryRef != null ? ntryRef : entry.path()) + part;
    }

    private static String reference(String value) {
        String stripped = FreeText.optional(value);
        return stripped == null || NO_REFERENCE.contains(stripped.toUpperCase(java.util.Locale.ROOT)) ? null : stripped;
    }

    private static Remittance remittance(TransactionFacts tx) {
        List<String> text = new ArrayList<>();
        for (String line : tx.unstructured()) {
            String stripped = FreeText.optional(line);
            if (stripped != null) {
                text.add(stripped);
            }
        }
        String creditorReference = null;
        for (String candidate : tx.creditorReferences()) {
            String normalized = CreditorReferences.normalize(candidate);
            if (normalized == null) {
                continue;
            }
            boolean usable = !CreditorReferences.claimsRf(normalized) || CreditorReferences.isValidRf(normalized);
            if (usable && creditorReference == null) {
                creditorReference = normalized;
            } else {
                // a second reference, or an RF with wrong check digits: still text a person or the matcher can read
                text.add(candidate.strip());
            }
        }
        Set<String> documents = new LinkedHashSet<>();
        for (String number : tx.documentNumbers()) {
            String stripped = FreeText.optional(number);
            if (stripped != null) {
                documents.add(stripped);
            }
        }
        return new Remittance(text.isEmpty() ? null : String.join(" ", text), creditorReference,
                List.copyOf(documents));
    }

    static String at(int line) {
        return line > 0 ? " (line " + line + ")" : "";
    }
}
