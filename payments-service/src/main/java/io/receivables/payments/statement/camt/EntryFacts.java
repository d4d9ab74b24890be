package io.receivables.payments.statement.camt;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * One camt {@code Ntry}, read out of whichever version's JAXB classes into plain values, so that every version is judged
 * by the same rules ({@link CamtEntries}).
 *
 * @param path e.g. {@code Stmt[1]/Ntry[3]}
 * @param line the line the entry starts on, or 0 when unknown
 * @param amountLine the line of its {@code Amt}, or 0
 * @param statementId the {@code Id} of its statement or notification
 * @param account the statement's account (IBAN, or other id), spaces removed
 * @param status {@code BOOK}, {@code PDNG}, {@code INFO}, {@code FUTR}... or the bank's proprietary status; null when
 *        absent or not a known code
 * @param credit true for {@code CRDT}, false for {@code DBIT}, null when absent
 */
record EntryFacts(String path, int line, int amountLine, String statementId, String account, String ntryRef, String acctSvcrRef,
        BigDecimal amount, String currency, Boolean credit, boolean reversal, String status, LocalDate bookingDate,
        LocalDate valueDate, List<TransactionFacts> transactions) {
}
