package io.receivables.payments.statement;

/**
 * What one statement file may hold. A larger file is refused whole (413) before any of it is parsed or written.
 *
 * @param maxBytes the file's size; the default, 16 MiB, holds a 10,000-entry camt.053 with room to spare (6.6 MB as the
 *        test generator writes it) while bounding the memory one import takes: the file is parsed whole into objects
 * @param maxEntries entries (each transaction of a batch counts as one); the default, 25,000, keeps one import to what
 *        the recording service writes in one request, whatever the size of each entry
 */
public record StatementLimits(int maxBytes, int maxEntries) {

    public static final StatementLimits DEFAULT = new StatementLimits(16 * 1024 * 1024, 25_000);

    public StatementLimits {
        if (maxBytes < 1 || maxEntries < 1) {
            throw new IllegalArgumentException("limits must be positive");
        }
    }
}
