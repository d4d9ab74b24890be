package io.receivables.payments.statement.camt;

import java.math.BigDecimal;
import java.util.List;

/**
 * One camt {@code TxDtls} in plain values.
 *
 * @param path e.g. {@code Stmt[1]/Ntry[3]/NtryDtls[1]/TxDtls[2]}
 * @param amount the transaction's own amount ({@code TxDtls/Amt} in V08, {@code AmtDtls/TxAmt/Amt} in both), or null
 * @param credit the transaction's own {@code CdtDbtInd} (V08), or null
 * @param returned true when it carries {@code RtrInf}
 */
record TransactionFacts(String path, int line, int amountLine, BigDecimal amount, String currency, Boolean credit,
        String acctSvcrRef,
        String endToEndId, String payerName, String payerAccount, List<String> unstructured,
        List<String> creditorReferences, List<String> documentNumbers, boolean returned, String returnReason) {
}
