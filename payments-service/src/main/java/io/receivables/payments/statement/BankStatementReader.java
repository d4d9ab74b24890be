package io.receivables.payments.statement;

import io.receivables.payments.statement.camt.CamtReader;
import io.receivables.payments.statement.csv.CsvStatementReader;

/**
 * Reads a bank statement file, whatever its format, into neutral entries: the one entry point of the statement units.
 * <p>
 * The format is told by the content, never by a file name or content type: XML (after an optional byte order mark and
 * white space, a {@code <}) is camt, and its root's namespace names the message and version; anything else must be the
 * CSV layout, whose header is checked. Pure and thread-safe: no I/O, no clock, no database.
 */
public final class BankStatementReader {

    private final StatementLimits limits;

    public BankStatementReader() {
        this(StatementLimits.DEFAULT);
    }

    public BankStatementReader(StatementLimits limits) {
        this.limits = limits;
    }

    public StatementLimits limits() {
        return limits;
    }

    /**
     * @throws StatementRejectedException 413 for a file over {@link StatementLimits}, 400 for anything else wrong, each
     *         error naming the entry (camt path and line, or CSV line) and the field
     */
    public ParsedStatement read(byte[] content) {
        if (content == null || content.length == 0) {
            throw StatementRejectedException.invalid("body", "is empty: send a camt.053, camt.054 or CSV statement");
        }
        if (content.length > limits.maxBytes()) {
            throw StatementRejectedException.tooLarge("body", "is " + content.length + " bytes; a statement file may"
                    + " have at most " + limits.maxBytes());
        }
        return isXml(content) ? CamtReader.read(content, limits) : CsvStatementReader.read(content, limits);
    }

    /** True when the first character after a UTF-8 byte order mark and white space is {@code <}. */
    static boolean isXml(byte[] content) {
        int i = content.length >= 3 && (content[0] & 0xFF) == 0xEF && (content[1] & 0xFF) == 0xBB
                && (content[2] & 0xFF) == 0xBF ? 3 : 0;
        while (i < content.length && (content[i] == ' ' || content[i] == '\t' || content[i] == '\r'
                || content[i] == '\n')) {
            i++;
        }
        return i < content.length && content[i] == '<';
    }
}
