package io.receivables.payments.statement.camt;

import java.util.ArrayList;
import java.util.List;

import io.receivables.payments.statement.camt.v053v02.AccountStatement2;
import io.receivables.payments.statement.camt.v053v02.CashAccount16;
import io.receivables.payments.statement.camt.v053v02.DateAndDateTimeChoice;
import io.receivables.payments.statement.camt.v053v02.Document;
import io.receivables.payments.statement.camt.v053v02.EntryDetails1;
import io.receivables.payments.statement.camt.v053v02.EntryTransaction2;
import io.receivables.payments.statement.camt.v053v02.ReportEntry2;
import io.receivables.payments.statement.camt.v053v02.StructuredRemittanceInformation7;

/** camt.053.001.02 (BankToCustomerStatementV02) into {@link EntryFacts}. */
final class Camt053V02 {

    private Camt053V02() {
    }

    static List<EntryFacts> entries(Document document, List<String> statementIds) {
        List<EntryFacts> out = new ArrayList<>();
        if (document.getBkToCstmrStmt() == null) {
            return out;
        }
        List<AccountStatement2> statements = document.getBkToCstmrStmt().getStmt();
        for (int s = 0; s < statements.size(); s++) {
            AccountStatement2 statement = statements.get(s);
            statementIds.add(statement.getId());
            String account = statement.getAcct() == null ? null : account(statement.getAcct().getId());
            List<ReportEntry2> entries = statement.getNtry();
            for (int n = 0; n < entries.size(); n++) {
                out.add(entry("Stmt[" + (s + 1) + "]/Ntry[" + (n + 1) + "]", statement.getId(), account,
                        entries.get(n)));
            }
        }
        return out;
    }

    static EntryFacts entry(String path, String statementId, String account, ReportEntry2 entry) {
        List<TransactionFacts> transactions = new ArrayList<>();
        List<EntryDetails1> details = entry.getNtryDtls();
        for (int d = 0; d < details.size(); d++) {
            List<EntryTransaction2> txs = details.get(d).getTxDtls();
            for (int t = 0; t < txs.size(); t++) {
                transactions.add(transaction(path + "/NtryDtls[" + (d + 1) + "]/TxDtls[" + (t + 1) + "]", txs.get(t)));
            }
        }
        return new EntryFacts(path, CamtValues.line(entry), CamtValues.line(entry.getAmt()), statementId, account,
                entry.getNtryRef(),
                entry.getAcctSvcrRef(), entry.getAmt() == null ? null : entry.getAmt().getValue(),
                entry.getAmt() == null ? null : entry.getAmt().getCcy(),
                entry.getCdtDbtInd() == null ? null : entry.getCdtDbtInd().value().equals("CRDT"),
                Boolean.TRUE.equals(entry.isRvslInd()), entry.getSts() == null ? null : entry.getSts().value(),
                date(entry.getBookgDt()), date(entry.getValDt()), transactions);
    }

    private static TransactionFacts transaction(String path, EntryTransaction2 tx) {
        var amount = tx.getAmtDtls() == null || tx.getAmtDtls().getTxAmt() == null ? null
                : tx.getAmtDtls().getTxAmt().getAmt();
        var refs = tx.getRefs();
        var parties = tx.getRltdPties();
        var payer = parties == null ? null : parties.getDbtr() != null ? parties.getDbtr() : parties.getCdtr();
        CashAccount16 payerAccount = parties == null ? null
                : parties.getDbtrAcct() != null ? parties.getDbtrAcct() : parties.getCdtrAcct();
        List<String> unstructured = new ArrayList<>();
        List<String> creditorReferences = new ArrayList<>();
        List<String> documents = new ArrayList<>();
        if (tx.getRmtInf() != null) {
            unstructured.addAll(tx.getRmtInf().getUstrd());
            for (StructuredRemittanceInformation7 strd : tx.getRmtInf().getStrd()) {
                if (strd.getCdtrRefInf() != null && strd.getCdtrRefInf().getRef() != null) {
                    creditorReferences.add(strd.getCdtrRefInf().getRef());
                }
                strd.getRfrdDocInf().forEach(doc -> documents.add(doc.getNb()));
                unstructured.addAll(strd.getAddtlRmtInf());
            }
        }
        var rtr = tx.getRtrInf();
        String returnReason = rtr == null || rtr.getRsn() == null ? null
                : rtr.getRsn().getCd() != null ? rtr.getRsn().getCd() : rtr.getRsn().getPrtry();
        return new TransactionFacts(path, CamtValues.line(tx), CamtValues.line(amount),
                amount == null ? null : amount.getValue(),
                amount == null ? null : amount.getCcy(), null, refs == null ? null : refs.getAcctSvcrRef(),
                refs == null ? null : refs.getEndToEndId(), payer == null ? null : payer.getNm(),
                payerAccount == null ? null : account(payerAccount.getId()), unstructured, creditorReferences,
                documents, rtr != null, returnReason);
    }

    private static String account(io.receivables.payments.statement.camt.v053v02.AccountIdentification4Choice id) {
        return id == null ? null
                : CamtValues.account(id.getIBAN(), id.getOthr() == null ? null : id.getOthr().getId());
    }

    private static java.time.LocalDate date(DateAndDateTimeChoice choice) {
        return choice == null ? null : CamtValues.date(choice.getDt(), choice.getDtTm());
    }
}
