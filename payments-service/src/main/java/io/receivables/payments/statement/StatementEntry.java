package io.receivables.payments.statement;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * One line of a bank statement as the recording service needs it, whatever the file's format: a payment to record, a
 * reversal of one, or an entry skipped with its reason.
 *
 * @param location where the entry is in the file, to name it in a report: {@code Stmt[1]/Ntry[3]/NtryDtls[1]/TxDtls[2]
 *        (line 57)} for camt, {@code line 12} for CSV
 * @param kind what to do with it
 * @param bankReference the de-duplication key (docs/bank-statements.md, "De-duplication key"): the same booking read
 *        again, from the same file or a later one, has the same key; null only for SKIPPED entries that have none
 * @param amount exact and positive, with exactly the currency's minor units as scale (EUR 12.50, JPY 1200); null only for
 *        SKIPPED entries
 * @param currency ISO 4217 code; null only for SKIPPED entries
 * @param bookingDate the day the bank booked it; null when the file does not say
 * @param valueDate the day the money counts from (the payment's value date); the booking date when the file gives none
 * @param payerName the debtor's name as the bank reports it, or null
 * @param payerAccount the debtor's IBAN (or other account id when there is no IBAN), spaces removed, or null
 * @param remittance what the payer said the money is for
 * @param endToEndId the payer's end-to-end id ({@code Refs/EndToEndId}), null when absent or {@code NOTPROVIDED}
 * @param originalReference for a REVERSAL: the end-to-end id of the returned transaction (a camt return carries the
 *        original's {@code EndToEndId}; the CSV column {@code originalReference}), which the recording service looks
 *        up among the payments it recorded (their {@code endToEndId} or {@code bankReference}); null otherwise
 * @param returnReason for a REVERSAL: the ISO return reason code ({@code RtrInf/Rsn/Cd}, e.g. {@code AC04}, {@code MD06})
 *        or the bank's proprietary reason, or null
 * @param skipReason for a SKIPPED entry: why it is not a payment; null otherwise
 * @param notes what was tolerated in the entry (e.g. a batch whose details do not add up to it), for the report
 */
public record StatementEntry(String location, EntryKind kind, String bankReference, BigDecimal amount, String currency,
        LocalDate bookingDate, LocalDate valueDate, String payerName, String payerAccount, Remittance remittance,
        String endToEndId, String originalReference, String returnReason, String skipReason, List<String> notes) {

    public StatementEntry {
        notes = List.copyOf(notes);
    }

    public static StatementEntry skipped(String location, String bankReference, BigDecimal amount, String currency,
            LocalDate bookingDate, String reason) {
        return new StatementEntry(location, EntryKind.SKIPPED, bankReference, amount, currency, bookingDate, bookingDate,
                null, null, Remittance.NONE, null, null, null, reason, List.of());
    }
}
