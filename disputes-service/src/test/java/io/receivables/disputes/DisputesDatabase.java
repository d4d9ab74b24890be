package io.receivables.disputes;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/** Reads the service's own database in tests, to prove what was (and was not) written. */
@ApplicationScoped
public class DisputesDatabase {

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
        return rows.size() == 0 || rows.iterator().next().getValue(0) == null ? null
                : rows.iterator().next().getValue(0).toString();
    }

    /** The invoice's open amount in the read model, or null while it is not there. */
    public BigDecimal openAmount(UUID invoice) {
        var rows = pool.preparedQuery("SELECT open_amount FROM receivable_invoice WHERE invoice_id = $1")
                .execute(Tuple.of(invoice)).await().indefinitely();
        return rows.size() == 0 ? null : rows.iterator().next().getBigDecimal(0);
    }

    /** The payloads (JSON text) of the outbox rows of {@code type} about {@code aggregateId}, in the order written. */
    public List<String> payloads(UUID aggregateId, String type) {
        var rows = pool.preparedQuery("SELECT payload::text FROM outbox WHERE aggregateid = $1 AND type = $2"
                + " ORDER BY timestamp, ce_time").execute(Tuple.of(aggregateId.toString(), type)).await()
                .indefinitely();
        List<String> payloads = new ArrayList<>();
        rows.forEach(row -> payloads.add(row.getString(0)));
        return payloads;
    }

    public long outboxRows(UUID aggregateId) {
        return count("outbox", "aggregateid = $1", aggregateId.toString());
    }

    public long parkedFor(String reference) {
        return count("parked_event", "reference = $1", reference);
    }
}
