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

    /**
     * Where the gap-free number series of a year stands now. A test that asserts the numbers it issues reads this first
     * and counts from there, so it needs no calendar year of its own (tests run one after another).
     */
    public NumberSeries series(String series, int year) {
        var rows = pool.preparedQuery("SELECT last_value FROM invoice_number_series WHERE series = $1 AND year = $2")
                .execute(Tuple.of(series, year)).await().indefinitely();
        return new NumberSeries(series, year, rows.size() == 0 ? 0 : rows.iterator().next().getLong(0));
    }

    /** A number series of a year as it stood when read. */
    public record NumberSeries(String series, int year, long last) {

        /** The n-th number handed out after it was read: 1 is the next one. */
        public String next(int n) {
            return "%s-%d-%06d".formatted(series, year, last + n);
        }
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
