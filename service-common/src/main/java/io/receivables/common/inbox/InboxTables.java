package io.receivables.common.inbox;

import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.receivables.common.schema.OptionalTables;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * Whether this service's database has the consumer tables ({@code db/common/inbox.sql}): a service that consumes
 * nothing does not include them, and its admin endpoints and retention job then have nothing to show or delete.
 */
@ApplicationScoped
public class InboxTables {

    private final OptionalTables tables;

    @Inject
    public InboxTables(Pool pool) {
        this.tables = OptionalTables.of(pool, "inbox", "parked_event", "dead_letter");
    }

    public Uni<Boolean> present() {
        return tables.present();
    }

    /** Runs {@code work} where the consumer tables exist; elsewhere answers {@code otherwise}. */
    public <T> Uni<T> ifPresent(Supplier<Uni<T>> work, T otherwise) {
        return tables.ifPresent(work, otherwise);
    }
}
