package io.receivables.invoicing.invoice.repository;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Gap-free invoice numbers per series and year (tax authorities require them). The counter row is incremented inside
 * the issuing transaction: concurrent issues queue on its row lock, and a rolled-back issue gives its number back.
 */
@ApplicationScoped
public class InvoiceNumberAllocator {

    private static final String NEXT = """
            INSERT INTO invoice_number_series (series, year, last_value) VALUES (:series, :year, 1)
            ON CONFLICT (series, year) DO UPDATE SET last_value = invoice_number_series.last_value + 1
            RETURNING last_value""";

    /** Must run in the caller's transaction. Returns e.g. {@code INV-2026-000042}. */
    public Uni<String> next(String series, int year) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(NEXT, Long.class)
                        .setParameter("series", series)
                        .setParameter("year", year)
                        .getSingleResult())
                .map(value -> "%s-%d-%06d".formatted(series, year, value));
    }
}
