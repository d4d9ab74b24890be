package io.receivables.payments.statement;

/**
 * What one statement file may hold. A larger file is refused whole (413) before any of it is parsed or written.
 *
 * @param maxBytes the file's size; the default, 32 MiB, holds a 10,000-entry camt.053 with room to spare (about 8 MB
 *        as the test generator writes it) and is far below what a JVM with the service's heap parses comfortably
 * @param maxEntries entries (each transaction of a batch counts as one), so that a file of tiny entries cannot make the
 *        recording service write millions of rows in one request
 */
public record StatementLimits(int maxBytes, int maxEntries) {

    public static final StatementLimits DEFAULT = new StatementLimits(32 * 1024 * 1024, 50_000);

    public StatementLimits {
        if (maxBytes < 1 || maxEntries < 1) {
            throw new IllegalArgumentException("limits must be positive");
        }
    }
}
