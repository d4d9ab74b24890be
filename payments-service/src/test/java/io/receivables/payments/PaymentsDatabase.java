package io.receivables.payments;

import java.math.BigDecimal;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/** Reads the service's own database in tests, to prove what was (and was not) written. */
@ApplicationScoped
public class PaymentsDatabase {

    @Inject
    Pool pool;

    public long count(String table) {
        return pool.query("SELECT count(*) FROM " + table).execute().await().indefinitely().iterator().next()
                .getLong(0);
    }

    /** Rows of {@code table} matching {@code where} ($1, $2... bound to {@code args}). */
    public long count(String table, String where, Object... args) {
        return pool.preparedQuery("SELECT count(*) FROM " + table + " WHERE " + where).execute(Tuple.from(args))
                .await().indefinitely().iterator().next().getLong(0);
    }

    /** The first column of the first row of {@code sql} ($1, $2... bound to {@code args}), as text; null when none. */
    public String value(String sql, Object... args) {
        var rows = pool.preparedQuery(sql).execute(Tuple.from(args)).await().indefinitely();
        return rows.size() == 0 ? null
                : rows.iterator().next().getValue(0) == null ? null
                        : rows.iterator().next().getValue(0).toString();
    }

    /** The payloads (JSON text) of the outbox rows matching {@code where}, in the order they were written. */
    public java.util.List<String> payloads(String where, Object... args) {
        var rows = pool.preparedQuery("SELECT payload::text FROM outbox WHERE " + where + " ORDER BY timestamp, ce_time")
                .execute(Tuple.from(args)).await().indefinitely();
        java.util.List<String> payloads = new java.util.ArrayList<>();
        rows.forEach(row -> payloads.add(row.getString(0)));
        return payloads;
    }

    /** The invoice's open amount in the read model, or null while it is not there. */
    public BigDecimal openAmount(UUID invoice) {
        var rows = pool.preparedQuery("SELECT open_amount FROM receivable_invoice WHERE invoice_id = $1")
                .execute(Tuple.of(invoice)).await().indefinitely();
        return rows.size() == 0 ? null : rows.iterator().next().getBigDecimal(0);
    }

    public String state(UUID invoice) {
        return pool.preparedQuery("SELECT state FROM receivable_invoice WHERE invoice_id = $1")
                .execute(Tuple.of(invoice)).await().indefinitely().iterator().next().getString(0);
    }

    public Row outboxRowFor(String aggregateId, String type) {
        var rows = pool.preparedQuery("SELECT type, customer_id, payload::text AS payload FROM outbox"
                + " WHERE aggregateid = $1 AND type = $2").execute(Tuple.of(aggregateId, type)).await().indefinitely();
        if (rows.size() != 1) {
            throw new AssertionError("expected one " + type + " outbox row for " + aggregateId + ", found " + rows.size());
        }
        return rows.iterator().next();
    }

    public long outboxRows(String aggregateId) {
        return pool.preparedQuery("SELECT count(*) FROM outbox WHERE aggregateid = $1").execute(Tuple.of(aggregateId))
                .await().indefinitely().iterator().next().getLong(0);
    }

    public long parkedFor(String reference) {
        return pool.preparedQuery("SELECT count(*) FROM parked_event WHERE reference = $1").execute(Tuple.of(reference))
                .await().indefinitely().iterator().next().getLong(0);
    }
}
