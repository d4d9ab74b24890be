package io.receivables.disputes;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Dispute rows written straight into the service's table, and what the tests read back. The SLA and statistics tests
 * were written before POST /disputes existed on their branch (issue 11 was built in parallel), so they insert the
 * disputes they need with SQL; once the opening is merged they may open them through the API instead.
 */
@ApplicationScoped
public class DisputeRows {

    @Inject
    Pool pool;

    /** A dispute to insert; {@link #of} gives an OPEN one of 100.00 EUR for PRICING, opened now, without due times. */
    public static final class NewDispute {
        public UUID id = UUID.randomUUID();
        public UUID customerId = UUID.randomUUID();
        public UUID invoiceId = UUID.randomUUID();
        public String currency = "EUR";
        public BigDecimal disputedAmount = new BigDecimal("100.00");
        public String reasonCode = "PRICING";
        public String state = "OPEN";
        public String team = "billing";
        public String owner;
        public String outcome;
        public Instant openedAt = Instant.now();
        public Instant firstResponseAt;
        public Instant firstResponseDueAt;
        public Instant resolutionDueAt;
        public Instant resolvedAt;

        public NewDispute amount(String currency, String amount) {
            this.currency = currency;
            this.disputedAmount = new BigDecimal(amount);
            return this;
        }

        public NewDispute reason(String reasonCode) {
            this.reasonCode = reasonCode;
            return this;
        }

        public NewDispute opened(Instant at) {
            this.openedAt = at;
            return this;
        }

        public NewDispute due(Instant firstResponse, Instant resolution) {
            this.firstResponseDueAt = firstResponse;
            this.resolutionDueAt = resolution;
            return this;
        }

        public NewDispute answered(Instant at) {
            this.firstResponseAt = at;
            if (state.equals("OPEN")) {
                state = "UNDER_REVIEW";
            }
            return this;
        }

        public NewDispute resolved(Instant at, String outcome) {
            this.state = outcome.equals("WITHDRAWN") ? "WITHDRAWN" : "RESOLVED";
            this.outcome = outcome;
            this.resolvedAt = at;
            if (firstResponseAt == null) {
                firstResponseAt = at;
            }
            return this;
        }

        public NewDispute owner(String owner) {
            this.owner = owner;
            return this;
        }
    }

    public static NewDispute of() {
        return new NewDispute();
    }

    public UUID insert(NewDispute row) {
        pool.preparedQuery("""
                INSERT INTO dispute (id, invoice_id, invoice_number, customer_id, currency, disputed_amount,
                    reason_code, state, team, owner, outcome, opened_at, opened_by, first_response_at,
                    first_response_due_at, resolution_due_at, resolved_at, updated_at)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, 'test-fixture', $13, $14, $15, $16, $12)""")
                .execute(Tuple.from(new Object[] { row.id, row.invoiceId, "INV-" + row.id.toString().substring(0, 8),
                        row.customerId, row.currency, row.disputedAmount, row.reasonCode, row.state, row.team,
                        row.owner, row.outcome, offset(row.openedAt), offset(row.firstResponseAt),
                        offset(row.firstResponseDueAt), offset(row.resolutionDueAt), offset(row.resolvedAt) }))
                .await().indefinitely();
        return row.id;
    }

    /** The first column of the first row of {@code sql} ($1, $2... bound to {@code args}); null when none. */
    public Object value(String sql, Object... args) {
        var rows = pool.preparedQuery(sql).execute(Tuple.from(args)).await().indefinitely();
        return rows.size() == 0 ? null : rows.iterator().next().getValue(0);
    }

    public long count(String table, String where, Object... args) {
        return ((Number) value("SELECT count(*) FROM " + table + " WHERE " + where, args)).longValue();
    }

    /** The payloads of the outbox rows of {@code type} about {@code dispute}, oldest first. */
    public List<String> events(UUID dispute, String type) {
        var rows = pool.preparedQuery("SELECT payload::text FROM outbox WHERE aggregateid = $1 AND type = $2"
                + " ORDER BY timestamp").execute(Tuple.of(dispute.toString(), type)).await().indefinitely();
        List<String> payloads = new ArrayList<>();
        for (Row row : rows) {
            payloads.add(row.getString(0));
        }
        return payloads;
    }

    private static OffsetDateTime offset(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
