package io.receivables.invoicing.invoice.repository;

import java.util.List;
import java.util.stream.LongStream;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Gap-free invoice numbers per series and year (tax authorities require them). The counter row is incremented inside
 * the issuing transaction: concurrent issues queue on its row lock, and a rolled-back issue gives its number back.
 */
@ApplicationScoped
public class InvoiceNumberAllocator {

    /** Takes {@code count} numbers at once: one row update, so a batch holds the series lock for one statement. */
    private static final String NEXT_BLOCK = """
            INSERT INTO invoice_number_series (series, year, last_value) VALUES (:series, :year, :count)
            ON CONFLICT (series, year) DO UPDATE SET last_value = invoice_number_series.last_value + :count
            RETURNING last_value""";

    /** Must run in the caller's transaction. Returns e.g. {@code INV-2026-000042}. */
    public Uni<String> next(String series, int year) {
        return nextBlock(series, year, 1).map(numbers -> numbers.get(0));
    }

    /**
     * The next {@code count} consecutive numbers of a series and year, in order. Must run in the caller's transaction:
     * a rollback returns them all, which keeps the numbering gap-free.
     */
    public Uni<List<String>> nextBlock(String series, int year, int count) {
        if (count < 1) {
            throw new IllegalArgumentException("count must be at least 1");
        }
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(NEXT_BLOCK, Long.class)
                        .setParameter("series", series)
                        .setParameter("year", year)
                        .setParameter("count", count)
                        .getSingleResult())
                .map(last -> LongStream.rangeClosed(last - count + 1, last)
                        .mapToObj(value -> "%s-%d-%06d".formatted(series, year, value))
                        .toList());
    }
}
