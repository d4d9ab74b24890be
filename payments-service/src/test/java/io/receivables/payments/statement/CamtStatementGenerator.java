package io.receivables.payments.statement;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Writes bank lines as a schema-valid camt.053 (001.02 or 001.08): one booked credit entry per line, its payer, its
 * remittance (split into 140-character {@code Ustrd}, or the {@code Strd/CdtrRefInf} of an RF reference) and an
 * {@code AcctSvcrRef} from the line's bank reference. For the import benchmark (issue 10, part 12):
 * {@code camt053(BankLineGenerator.generate(seed, 10_000).lines(), ...)} is a 10,000-entry statement.
 */
public final class CamtStatementGenerator {

    public static final String ACCOUNT = "DE89370400440532013000";

    private CamtStatementGenerator() {
    }

    /** A 10,000-entry camt.053.001.08 statement of {@link BankLineGenerator}'s lines for seed 10. */
    public static byte[] tenThousandEntries() {
        return camt053(BankLineGenerator.generate(10, 10_000).lines(), StatementFormat.CAMT_053_001_08);
    }

    public static byte[] camt053(List<BankLineGenerator.Line> lines, StatementFormat version) {
        boolean v08 = switch (version) {
            case CAMT_053_001_02 -> false;
            case CAMT_053_001_08 -> true;
            default -> throw new IllegalArgumentException("writes camt.053 only, not " + version);
        };
        StringBuilder xml = new StringBuilder(lines.size() * 900 + 2048);
        BigDecimal total = lines.stream().map(BankLineGenerator.Line::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Document xmlns=\"").append(version.namespace())
                .append("\">\n<BkToCstmrStmt>\n<GrpHdr><MsgId>GEN-").append(lines.size())
                .append("</MsgId><CreDtTm>2026-03-31T18:00:00Z</CreDtTm></GrpHdr>\n<Stmt><Id>GEN-STMT-")
                .append(lines.size()).append("</Id><CreDtTm>2026-03-31T18:00:00Z</CreDtTm><Acct><Id><IBAN>")
                .append(ACCOUNT).append("</IBAN></Id></Acct>\n");
        balance(xml, "OPBD", BigDecimal.ZERO);
        balance(xml, "CLBD", total);
        for (BankLineGenerator.Line line : lines) {
            xml.append("<Ntry><Amt Ccy=\"").append(line.currency()).append("\">")
                    .append(line.amount().toPlainString()).append("</Amt><CdtDbtInd>CRDT</CdtDbtInd>")
                    .append(v08 ? "<Sts><Cd>BOOK</Cd></Sts>" : "<Sts>BOOK</Sts>").append("<BookgDt><Dt>")
                    .append(line.bookingDate()).append("</Dt></BookgDt><ValDt><Dt>").append(line.bookingDate())
                    .append("</Dt></ValDt><AcctSvcrRef>").append(line.bankReference()).append("</AcctSvcrRef>")
                    .append("<BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>RCDT</Cd><SubFmlyCd>ESCT</SubFmlyCd></Fmly></Domn>")
                    .append("</BkTxCd>\n<NtryDtls><TxDtls><Refs><EndToEndId>NOTPROVIDED</EndToEndId></Refs>");
            if (v08) {
                xml.append("<Amt Ccy=\"").append(line.currency()).append("\">").append(line.amount().toPlainString())
                        .append("</Amt><CdtDbtInd>CRDT</CdtDbtInd>");
            }
            xml.append("<RltdPties><Dbtr>").append(v08 ? "<Pty><Nm>" : "<Nm>").append(escape(line.payerName()))
                    .append(v08 ? "</Nm></Pty>" : "</Nm>").append("</Dbtr><DbtrAcct><Id><IBAN>")
                    .append(line.payerIban()).append("</IBAN></Id></DbtrAcct></RltdPties><RmtInf>");
            String text = line.remittance() == null ? "" : line.remittance();
            for (int i = 0; i < text.length(); i += 140) {
                xml.append("<Ustrd>").append(escape(text.substring(i, Math.min(text.length(), i + 140))))
                        .append("</Ustrd>");
            }
            if (line.creditorReference() != null) {
                xml.append("<Strd><CdtrRefInf><Tp><CdOrPrtry><Cd>SCOR</Cd></CdOrPrtry></Tp><Ref>")
                        .append(line.creditorReference()).append("</Ref></CdtrRefInf></Strd>");
            }
            xml.append("</RmtInf></TxDtls></NtryDtls></Ntry>\n");
        }
        xml.append("</Stmt>\n</BkToCstmrStmt>\n</Document>\n");
        return xml.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void balance(StringBuilder xml, String code, BigDecimal amount) {
        xml.append("<Bal><Tp><CdOrPrtry><Cd>").append(code).append("</Cd></CdOrPrtry></Tp><Amt Ccy=\"EUR\">")
                .append(amount.toPlainString()).append("</Amt><CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2026-03-31</Dt></Dt>")
                .append("</Bal>\n");
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
