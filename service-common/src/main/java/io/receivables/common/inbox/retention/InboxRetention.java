package io.receivables.common.inbox.retention;

import java.time.Clock;
import java.time.OffsetDateTime;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;
import io.receivables.common.inbox.InboxTables;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlResult;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Deletes inbox rows applied longer ago than {@code receivables.inbox.retention}. Parked events keep their inbox row
 * (their ce_id must stay known while they wait), whatever its age.
 */
@ApplicationScoped
public class InboxRetention {

    private static final Logger LOG = Logger.getLogger(InboxRetention.class);

    private final Pool pool;
    private final Clock clock;
    private final InboxConfig config;
    private final InboxTables tables;

    @Inject
    public InboxRetention(Pool pool, Clock clock, InboxConfig config, InboxTables tables) {
        this.pool = pool;
        this.tables = tables;
        this.clock = clock;
        this.config = config;
    }

    @Scheduled(identity = "inbox-retention", every = "${receivables.inbox.cleanup-every:1h}", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return removeExpired().invoke(removed -> LOG.debugf("Removed %d inbox rows past their retention", removed))
                .replaceWithVoid();
    }

    /** Deletes the rows applied before now minus the retention; returns how many. */
    public Uni<Integer> removeExpired() {
        OffsetDateTime cutoff = OffsetDateTime.now(clock).minus(config.retention());
        // a service that consumes nothing has no inbox: nothing to do there
        return tables.ifPresent(() -> deleteBefore(cutoff), 0);
    }

    private Uni<Integer> deleteBefore(OffsetDateTime cutoff) {
        return pool.preparedQuery("""
                DELETE FROM inbox i WHERE i.applied_at < $1
                AND NOT EXISTS (SELECT 1 FROM parked_event p WHERE p.event_id = i.event_id)""")
                .execute(Tuple.of(cutoff))
                .map(SqlResult::rowCount);
    }
}
