package io.receivables.common.schema;

import java.util.List;
import java.util.function.Supplier;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The tables of a part of service-common that a service may leave out of its changelog (docs/service-common.md: the
 * outbox, the inbox, idempotency). The part's jobs and endpoints run their work only where the tables exist, so that a
 * service without the part gets nothing done rather than a failure on a missing relation every run.
 * <p>
 * Asked each time until the tables are found; once they are, they stay (migrations create tables, nothing drops them),
 * so the answer is kept and no further query is made.
 */
public final class OptionalTables {

    private final Pool pool;
    private final List<String> tables;
    private volatile boolean present;

    private OptionalTables(Pool pool, List<String> tables) {
        this.pool = pool;
        this.tables = tables;
    }

    /** The part whose tables are {@code tables}: present when all of them are. */
    public static OptionalTables of(Pool pool, String... tables) {
        return new OptionalTables(pool, List.of(tables));
    }

    public Uni<Boolean> present() {
        if (present) {
            return Uni.createFrom().item(true);
        }
        return pool.preparedQuery("SELECT bool_and(to_regclass(t) IS NOT NULL) FROM unnest(CAST($1 AS text[])) AS wanted(t)")
                .execute(Tuple.of(tables.toArray(String[]::new)))
                .map(rows -> rows.iterator().next().getBoolean(0))
                .invoke(found -> present = found);
    }

    /** Runs {@code work} where the tables exist; elsewhere answers {@code otherwise} without touching them. */
    public <T> Uni<T> ifPresent(Supplier<Uni<T>> work, T otherwise) {
        return present().chain(found -> found ? work.get() : Uni.createFrom().item(otherwise));
    }
}
