package io.receivables.invoicing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/** Reads the service's own database in tests, to prove what was (and was not) written. */
@ApplicationScoped
public class InvoicingDatabase {

    @Inject
    Pool pool;

    public long count(String table) {
        return pool.query("SELECT count(*) FROM " + table).execute().await().indefinitely().iterator().next()
                .getLong(0);
    }

    public Row outboxRowFor(String aggregateId, String type) {
        var rows = pool.preparedQuery(
                "SELECT id, aggregatetype, aggregateid, customer_id, type, source, specversion, datacontenttype,"
                        + " dataschema, ce_time, payload::text AS payload FROM outbox WHERE aggregateid = $1 AND type = $2")
                .execute(Tuple.of(aggregateId, type)).await().indefinitely();
        if (rows.size() != 1) {
            throw new AssertionError("expected one " + type + " outbox row for " + aggregateId + ", found " + rows.size());
        }
        return rows.iterator().next();
    }
}
