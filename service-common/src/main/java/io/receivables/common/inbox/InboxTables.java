package io.receivables.common.inbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * Whether this service's database has the consumer tables ({@code db/common/inbox.sql}): a service that consumes
 * nothing does not include them, and its admin endpoints and retention job then have nothing to show or delete.
 */
@ApplicationScoped
public class InboxTables {

    private final Pool pool;
    private volatile boolean present;

    @Inject
    public InboxTables(Pool pool) {
        this.pool = pool;
    }

    public Uni<Boolean> present() {
        if (present) {
            // tables, once created by the migration, stay
            return Uni.createFrom().item(true);
        }
        return pool.query("""
                SELECT to_regclass('inbox') IS NOT NULL AND to_regclass('parked_event') IS NOT NULL
                       AND to_regclass('dead_letter') IS NOT NULL""")
                .execute().map(rows -> rows.iterator().next().getBoolean(0))
                .invoke(found -> present = found);
    }
}
