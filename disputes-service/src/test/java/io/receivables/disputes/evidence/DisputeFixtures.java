package io.receivables.disputes.evidence;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Disputes and their activity written straight into the database, for the tests of the conversation: the core's
 * {@code POST /disputes} and workflow (which write these rows in the service) are built on another branch. When they
 * are merged, {@link #dispute} can become a {@code POST /disputes} and {@link #activity} real transitions. Everything
 * else in these tests goes through the real endpoints.
 */
@ApplicationScoped
public class DisputeFixtures {

    @Inject
    Pool pool;

    /** An OPEN dispute of {@code customerId} over 100.00 EUR, opened an hour ago, with no first response yet. */
    public UUID dispute(UUID customerId) {
        UUID id = UUID.randomUUID();
        Instant opened = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MICROS);
        execute("""
                INSERT INTO dispute (id, invoice_id, invoice_number, customer_id, currency, disputed_amount, reason_code,
                    description, state, team, opened_at, opened_by, updated_at)
                VALUES ($1, $2, $3, $4, 'EUR', 100.00, 'PRICING', 'Unit price above the contract', 'OPEN',
                    'pricing-desk', $5, 'test-fixture', $5)""",
                id, UUID.randomUUID(), "INV-" + id.toString().substring(0, 8), customerId, opened);
        return id;
    }

    /** A row of the dispute's activity, as the workflow writes it. */
    public UUID activity(UUID disputeId, Instant at, String kind, String actorUsername, String fromState,
            String toState, String team, String owner, String note) {
        UUID id = UUID.randomUUID();
        execute("""
                INSERT INTO dispute_activity (id, dispute_id, occurred_at, kind, actor_kind, actor_id, actor_username,
                    from_state, to_state, team, owner, note)
                VALUES ($1, $2, $3, $4, 'USER', $5, $6, $7, $8, $9, $10, $11)""",
                id, disputeId, at, kind, "sub-" + actorUsername, actorUsername, fromState, toState, team, owner, note);
        return id;
    }

    public long count(String table, String where, Object... args) {
        return query("SELECT count(*) FROM " + table + " WHERE " + where, args).iterator().next().getLong(0);
    }

    public long count(String table) {
        return query("SELECT count(*) FROM " + table).iterator().next().getLong(0);
    }

    /** The first row of {@code sql}, or null. */
    public Row row(String sql, Object... args) {
        RowSet<Row> rows = query(sql, args);
        return rows.size() == 0 ? null : rows.iterator().next();
    }

    private void execute(String sql, Object... args) {
        query(sql, args);
    }

    private RowSet<Row> query(String sql, Object... args) {
        Object[] values = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            // the PostgreSQL client binds timestamptz from OffsetDateTime only
            values[i] = args[i] instanceof Instant instant ? instant.atOffset(ZoneOffset.UTC) : args[i];
        }
        return pool.preparedQuery(sql).execute(Tuple.from(values)).await().indefinitely();
    }
}
