package io.receivables.payments.statement.camt;

import java.util.ArrayList;
import java.util.List;

import io.receivables.payments.statement.camt.v054v08.AccountIdentification4Choice;
import io.receivables.payments.statement.camt.v054v08.AccountNotification17;
import io.receivables.payments.statement.camt.v054v08.ActiveOrHistoricCurrencyAndAmount;
import io.receivables.payments.statement.camt.v054v08.CashAccount38;
import io.receivables.payments.statement.camt.v054v08.DateAndDateTime2Choice;
import io.receivables.payments.statement.camt.v054v08.Document;
import io.receivables.payments.statement.camt.v054v08.EntryDetails9;
import io.receivables.payments.statement.camt.v054v08.EntryTransaction10;
import io.receivables.payments.statement.camt.v054v08.Party40Choice;
import io.receivables.payments.statement.camt.v054v08.ReportEntry10;
import io.receivables.payments.statement.camt.v054v08.StructuredRemittanceInformation16;

/**
 * camt.054.001.08 (BankToCustomerDebitCreditNotificationV08) into {@link EntryFacts}: the same entry types as camt.053.001.08,
 * declared again in camt.054's
 * namespace (so JAXB binds them to classes of their own), hence the same mapping.
 */
final class Camt054V08 {

    private Camt054V08() {
    }

    static List<EntryFacts> entries(Document document, List<String> statementIds) {
        List<EntryFacts> out = new ArrayList<>();
        if (document.getBkToCstmrDbtCdtNtfctn() == null) {
            return out;
        }
        List<AccountNotification17> notifications = document.getBkToCstmrDbtCdtNtfctn().getNtfctn();
        for (int s = 0; s < notifications.size(); s++) {
            AccountNotification17 notification = notifications.get(s);
            statementIds.add(notification.getId());
            String account = notification.getAcct() == null ? null : account(notification.getAcct().getId());
            List<ReportEntry10> entries = notification.getNtry();
            for (int n = 0; n < entries.size(); n++) {
                out.add(entry("Ntfctn[" + (s + 1) + "]/Ntry[" + (n + 1) + "]", notification.getId(), account,
                        entries.get(n)));
            }
        }
        return out;
    }

    static EntryFacts entry(String path, String statementId, String account, ReportEntry10 entry) {
        List<TransactionFacts> transactions = new ArrayList<>();
        List<EntryDetails9> details = entry.getNtryDtls();
        for (int d = 0; d < details.size(); d++) {
            List<EntryTransaction10> txs = details.get(d).getTxDtls();
            for (int t = 0; t < txs.size(); t++) {
                transactions.add(transaction(path + "/NtryDtls[" + (d + 1) + "]/TxDtls[" + (t + 1) + "]", txs.get(t)));
            }
        }
        var sts = entry.getSts();
        return new EntryFacts(path, CamtValues.line(entry), CamtValues.line(entry.getAmt()), statementId, account,
                entry.getNtryRef(),
                entry.getAcctSvcrRef(), entry.getAmt() == null ? null : entry.getAmt().getValue(),
                entry.getAmt() == null ? null : entry.getAmt().getCcy(),
                entry.getCdtDbtInd() == null ? null : entry.getCdtDbtInd().value().equals("CRDT"),
                Boolean.TRUE.equals(entry.isRvslInd()),
                sts == null ? null : sts.getCd() != null ? sts.getCd() : sts.getPrtry(), date(entry.getBookgDt()),
                date(entry.getValDt()), transactions);
    }

    private static TransactionFacts transaction(String path, EntryTransaction10 tx) {
        ActiveOrHistoricCurrencyAndAmount amount = tx.getAmt();
        if (amount == null && tx.getAmtDtls() != null && tx.getAmtDtls().getTxAmt() != null) {
            amount = tx.getAmtDtls().getTxAmt().getAmt();
        }
        var refs = tx.getRefs();
        var parties = tx.getRltdPties();
        Party40Choice payer = parties == null ? null : parties.getDbtr() != null ? parties.getDbtr() : parties.getCdtr();
        CashAccount38 payerAccount = parties == null ? null
                : parties.getDbtrAcct() != null ? parties.getDbtrAcct() : parties.getCdtrAcct();
        List<String> unstructured = new ArrayList<>();
        List<String> creditorReferences = new ArrayList<>();
        List<String> documents = new ArrayList<>();
        if (tx.getRmtInf() != null) {
            unstructured.addAll(tx.getRmtInf().getUstrd());
            for (StructuredRemittanceInformation16 strd : tx.getRmtInf().getStrd()) {
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
                amount == null ? null : amount.getCcy(),
                tx.getCdtDbtInd() == null ? null : tx.getCdtDbtInd().value().equals("CRDT"),
                refs == null ? null : refs.getAcctSvcrRef(), refs == null ? null : refs.getEndToEndId(),
                payer == null || payer.getPty() == null ? null : payer.getPty().getNm(),
                payerAccount == null ? null : account(payerAccount.getId()), unstructured, creditorReferences,
                documents, rtr != null, returnReason);
    }

    private static String account(AccountIdentification4Choice id) {
        return id == null ? null
                : CamtValues.account(id.getIBAN(), id.getOthr() == null ? null : id.getOthr().getId());
    }

    private static java.time.LocalDate date(DateAndDateTime2Choice choice) {
        return choice == null ? null : CamtValues.date(choice.getDt(), choice.getDtTm());
    }
}
