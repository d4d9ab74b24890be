package io.receivables.common.outbox;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

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
 * Deletes outbox rows that Debezium has surely captured, so that the table does not grow forever.
 * <p>
 * Debezium publishes an outbox row from the write-ahead log, not from the table: once the row's insert is behind the
 * position its replication slot has confirmed ({@code confirmed_flush_lsn}), deleting the row loses nothing (the
 * connector drops delete records, and {@code tombstones.on.delete=false} keeps them off the topic). A row's commit
 * position is not stored, so each run leaves a <em>mark</em>: the oldest transaction still running and the current
 * WAL position. Every outbox row whose transaction ({@code txid}, set by the table's default) is older than a mark's
 * oldest running transaction had committed before the mark's WAL position; once every logical slot of the database
 * has confirmed that position, such rows are captured. They are deleted when they are also older than
 * {@code receivables.outbox.retention}.
 * <p>
 * Without a slot (the connector has not started yet: its first snapshot still has to read the rows) nothing is
 * deleted; nor in a database without an outbox table. Marks live in memory: after a restart the first run only
 * leaves one. Replicas each keep their own marks; their deletes do not conflict. A plain statement on the pool rather
 * than a Hibernate session, so that it runs from the scheduler and from a test thread alike.
 */
@ApplicationScoped
public class OutboxRetention {

    private static final Logger LOG = Logger.getLogger(OutboxRetention.class);
    /** Marks beyond this many are dropped oldest first (a slot that confirms nothing for days). */
    private static final int MAX_MARKS = 1000;

    private final Pool pool;
    private final Clock clock;
    private final OutboxRetentionConfig config;
    private final OptionalTables outbox;
    private final Deque<Mark> marks = new ArrayDeque<>();

    /** A point in the WAL before which every transaction older than {@code oldestRunningTxid} had committed. */
    record Mark(long oldestRunningTxid, String walLsn) {
    }

    @Inject
    public OutboxRetention(Pool pool, Clock clock, OutboxRetentionConfig config) {
        this.pool = pool;
        this.clock = clock;
        this.config = config;
        this.outbox = OptionalTables.of(pool, "outbox");
    }

    @Scheduled(identity = "outbox-retention", every = "${receivables.outbox.cleanup-every:5m}", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return run().invoke(removed -> LOG.debugf("Removed %d captured outbox rows", removed)).replaceWithVoid();
    }

    /**
     * Deletes the rows older than the retention that every logical replication slot of the database has confirmed by
     * a mark of an earlier run, then leaves a new mark. Returns how many rows it deleted.
     */
    public Uni<Integer> run() {
        return outbox.ifPresent(() -> pool.query("""
                SELECT CAST(min(confirmed_flush_lsn) AS text) FROM pg_replication_slots
                WHERE database = current_database() AND slot_type = 'logical'""")
                .execute()
                .map(rows -> rows.iterator().next().getString(0))
                .chain(confirmed -> deleteConfirmed(confirmed).call(this::leaveMark)), 0);
    }

    private Uni<Integer> deleteConfirmed(String confirmedLsn) {
        if (confirmedLsn == null) {
            return Uni.createFrom().item(0);
        }
        Optional<Mark> mark = newestMarkAtOrBefore(confirmedLsn);
        if (mark.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        OffsetDateTime cutoff = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC).minus(config.retention());
        return pool.preparedQuery("DELETE FROM outbox WHERE txid < $1 AND timestamp < $2")
                .execute(Tuple.of(mark.get().oldestRunningTxid(), cutoff))
                .map(SqlResult::rowCount);
    }

    /** The newest mark the slots have confirmed; older marks are forgotten, since it covers them. */
    private Optional<Mark> newestMarkAtOrBefore(String confirmedLsn) {
        long confirmed = lsn(confirmedLsn);
        synchronized (marks) {
            Mark newest = null;
            while (!marks.isEmpty() && lsn(marks.peekFirst().walLsn()) <= confirmed) {
                newest = marks.pollFirst();
            }
            if (newest != null) {
                marks.addFirst(newest);
            }
            return Optional.ofNullable(newest);
        }
    }

    /** A {@code pg_lsn} in its text form, {@code 16/B374D848}, as the 64-bit WAL position it stands for. */
    static long lsn(String text) {
        int slash = text.indexOf('/');
        return Long.parseUnsignedLong(text.substring(0, slash), 16) << 32
                | Long.parseUnsignedLong(text.substring(slash + 1), 16);
    }

    /**
     * The oldest running transaction first, then the WAL position: every transaction older than the first had
     * finished, its commit record inserted, by the time the second is read.
     */
    private Uni<Void> leaveMark(int ignored) {
        return pool.query("SELECT CAST(CAST(pg_snapshot_xmin(pg_current_snapshot()) AS text) AS bigint) AS xmin")
                .execute()
                .map(rows -> rows.iterator().next().getLong("xmin"))
                .chain(xmin -> pool.query("SELECT CAST(pg_current_wal_insert_lsn() AS text) AS lsn").execute()
                        .map(rows -> new Mark(xmin, rows.iterator().next().getString("lsn"))))
                .invoke(mark -> {
                    synchronized (marks) {
                        marks.addLast(mark);
                        while (marks.size() > MAX_MARKS) {
                            marks.pollFirst();
                        }
                    }
                })
                .replaceWithVoid();
    }
}
