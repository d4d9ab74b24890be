package io.receivables.invoicing.invoice.repository;

import java.util.List;
import java.util.UUID;
import java.util.stream.LongStream;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.receivables.common.outbox.OutboxEvent;
import io.smallrye.mutiny.Uni;

/**
 * Gap-free invoice numbers per series and year (tax authorities require them). The counter row is incremented inside
 * the issuing transaction: concurrent issues queue on its row lock, and a rolled-back issue gives its number back.
 * <p>
 * The lock is held from the increment to commit, so whatever runs after the increment runs one issue at a time. That
 * is why {@link #issueNext} takes the number in the issue's last statement, together with the only writes that need
 * it; everything else is written before.
 */
@ApplicationScoped
public class InvoiceNumberAllocator {

    /** Takes {@code count} numbers at once: one row update, so a batch holds the series lock for one statement. */
    private static final String NEXT_BLOCK = """
            INSERT INTO invoice_number_series (series, year, last_value) VALUES (:series, :year, :count)
            ON CONFLICT (series, year) DO UPDATE SET last_value = invoice_number_series.last_value + :count
            RETURNING last_value""";

    /**
     * Takes the next number, gives it to a draft invoice already written (which becomes ISSUED) and appends the
     * invoice's event with the number set in its payload, in one round trip. The number is formatted as
     * {@link #format} does (six digits at least). Rows of a data-modifying WITH always run to completion; the counted
     * result proves that the invoice was there to number, else the caller's transaction fails and the number returns.
     */
    private static final String ISSUE_NEXT = """
            WITH counter AS (
                INSERT INTO invoice_number_series (series, year, last_value) VALUES (:series, :year, 1)
                ON CONFLICT (series, year) DO UPDATE SET last_value = invoice_number_series.last_value + 1
                RETURNING last_value),
            numbered AS (
                SELECT :prefix || lpad(CAST(last_value AS text), greatest(6, length(CAST(last_value AS text))), '0') AS number FROM counter),
            issued AS (
                UPDATE invoice SET number = numbered.number, status = 'ISSUED'
                FROM numbered WHERE invoice.id = :invoiceId AND invoice.status = 'DRAFT'
                RETURNING invoice.number),
            published AS (
                INSERT INTO outbox (id, aggregatetype, aggregateid, customer_id, type, source, specversion, datacontenttype,
                    dataschema, ce_time, timestamp, payload)
                SELECT :eventId, :aggregateType, :aggregateId, :customerId, :type, :source, :specversion, :datacontenttype,
                    :dataschema, :ceTime, :timestamp,
                    jsonb_set(CAST(CAST(:payload AS text) AS jsonb), ARRAY[CAST(:numberField AS text)], to_jsonb(issued.number), false)
                FROM issued
                RETURNING id)
            SELECT issued.number FROM issued, published""";

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
                        .mapToObj(value -> format(series, year, value))
                        .toList());
    }

    /**
     * Issues the draft invoice {@code invoiceId}, written and flushed before: takes the next number of the series and
     * year, sets it and status ISSUED on the row, and inserts {@code event} (prepared by the outbox writer with a
     * stand-in number, see {@link #standIn}) with the number at {@code numberField} of its payload, all in one
     * statement. Must run in the caller's transaction, as late as possible: the series is locked from here to commit.
     * The caller's session does not see the row change; it sets the same values on its entity. Returns the number.
     */
    public Uni<String> issueNext(String series, int year, UUID invoiceId, OutboxEvent event, String numberField) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(ISSUE_NEXT, String.class)
                        .setParameter("series", series)
                        .setParameter("year", year)
                        .setParameter("prefix", "%s-%d-".formatted(series, year))
                        .setParameter("invoiceId", invoiceId)
                        .setParameter("eventId", event.id)
                        .setParameter("aggregateType", event.aggregateType)
                        .setParameter("aggregateId", event.aggregateId)
                        .setParameter("customerId", event.customerId)
                        .setParameter("type", event.type)
                        .setParameter("source", event.source)
                        .setParameter("specversion", event.specversion)
                        .setParameter("datacontenttype", event.datacontenttype)
                        .setParameter("dataschema", event.dataschema)
                        .setParameter("ceTime", event.ceTime)
                        .setParameter("timestamp", event.timestamp)
                        .setParameter("payload", event.payload)
                        .setParameter("numberField", numberField)
                        .getSingleResult());
    }

    /**
     * A number of the series' form that is never given ({@code INV-2026-000000}): an event is built and checked
     * against its schema with it before the real number exists.
     */
    public static String standIn(String series, int year) {
        return format(series, year, 0);
    }

    static String format(String series, int year, long value) {
        return "%s-%d-%06d".formatted(series, year, value);
    }
}
