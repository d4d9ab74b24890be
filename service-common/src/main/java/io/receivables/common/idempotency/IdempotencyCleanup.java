package io.receivables.common.idempotency;

import java.time.Clock;
import java.time.OffsetDateTime;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;
import io.receivables.common.schema.OptionalTables;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlResult;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Forgets keys older than {@code receivables.idempotency.retention}. A plain statement on the pool rather than a
 * Hibernate session, so that it runs from the scheduler and from a test thread alike.
 * <p>
 * Idempotency is a part a service takes by including {@code db/common/idempotency.sql} in its changelog
 * (docs/service-common.md); a service without idempotent POSTs leaves the table out, and this job then does nothing
 * rather than failing every hour on a missing relation.
 */
@ApplicationScoped
public class IdempotencyCleanup {

    private static final Logger LOG = Logger.getLogger(IdempotencyCleanup.class);

    private final Pool pool;
    private final Clock clock;
    private final IdempotencyConfig config;
    private final OptionalTables table;

    @Inject
    public IdempotencyCleanup(Pool pool, Clock clock, IdempotencyConfig config) {
        this.pool = pool;
        this.clock = clock;
        this.config = config;
        this.table = OptionalTables.of(pool, "idempotency_key");
    }

    @Scheduled(identity = "idempotency-cleanup", every = "${receivables.idempotency.cleanup-every:1h}", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return removeExpired().invoke(removed -> LOG.debugf("Removed %d expired idempotency keys", removed))
                .replaceWithVoid();
    }

    /** Deletes the keys created before now minus the retention; returns how many. */
    public Uni<Integer> removeExpired() {
        OffsetDateTime cutoff = OffsetDateTime.now(clock).minus(config.retention());
        return table.ifPresent(() -> pool.preparedQuery("DELETE FROM idempotency_key WHERE created_at < $1")
                .execute(Tuple.of(cutoff)).map(SqlResult::rowCount), 0);
    }
}
