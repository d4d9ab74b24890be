package io.receivables.dunning.receivable;

import java.math.BigDecimal;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/** Reads the service's own database in tests, to prove what was (and was not) written. */
@ApplicationScoped
public class DunningDatabase {

    @Inject
    Pool pool;

    /** Rows of {@code table} matching {@code where} ($1, $2... bound to {@code args}). */
    public long count(String table, String where, Object... args) {
        return pool.preparedQuery("SELECT count(*) FROM " + table + " WHERE " + where).execute(Tuple.from(args))
                .await().indefinitely().iterator().next().getLong(0);
    }

    /** The invoice's open amount in the read model, or null while it is not there. */
    public BigDecimal openAmount(UUID invoice) {
        return amount("open_amount", invoice);
    }

    /** The invoice's disputed amount in the read model, or null while it is not there. */
    public BigDecimal disputedAmount(UUID invoice) {
        return amount("disputed_amount", invoice);
    }

    public long parkedFor(String reference) {
        return count("parked_event", "reference = $1", reference);
    }

    public long planInstalments(UUID plan) {
        return count("dunning_plan_instalment", "plan_id = $1", plan);
    }

    public String planState(UUID plan) {
        var rows = pool.preparedQuery("SELECT state FROM dunning_payment_plan WHERE plan_id = $1")
                .execute(Tuple.of(plan)).await().indefinitely();
        return rows.size() == 0 ? null : rows.iterator().next().getString(0);
    }

    private BigDecimal amount(String column, UUID invoice) {
        var rows = pool.preparedQuery("SELECT " + column + " FROM dunning_invoice WHERE invoice_id = $1")
                .execute(Tuple.of(invoice)).await().indefinitely();
        return rows.size() == 0 ? null : rows.iterator().next().getBigDecimal(0);
    }
}
