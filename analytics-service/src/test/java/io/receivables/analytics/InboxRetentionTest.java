package io.receivables.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.receivables.common.inbox.InboxTables;
import io.receivables.common.inbox.retention.InboxConfig;
import io.receivables.common.inbox.retention.InboxRetention;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Inbox rows are kept for the configured window (30 days, longer than the topics' 7), then deleted; time is moved with
 * a clock handed to the job, not waited for.
 */
@QuarkusTest
@WithTestResource(value = io.receivables.local.testing.LocalInfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "analytics"))
class InboxRetentionTest {

    @Inject
    Pool pool;

    @Inject
    InboxConfig config;

    @Inject
    InboxTables tables;

    @Test
    void keepsAppliedEventsForTheRetentionWindowThenForgetsThem() {
        assertThat(config.retention()).isEqualTo(Duration.ofDays(30));
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        UUID tenDaysOld = inboxRow(now.minusDays(10));
        UUID oneDayOld = inboxRow(now.minusDays(1));
        UUID parkedTenDaysOld = inboxRow(now.minusDays(10));
        pool.preparedQuery("""
                INSERT INTO parked_event (event_id, reference, event_type, topic, kafka_partition, record_offset,
                                          headers, payload, parked_at)
                VALUES ($1, $2, 'payment-received', 'ar.payments.events', 0, 0, '{}', '{}', now())""")
                .execute(Tuple.of(parkedTenDaysOld, "invoice:" + UUID.randomUUID())).await().indefinitely();

        // today: all within 30 days
        retentionAt(Clock.systemUTC()).removeExpired().await().indefinitely();
        assertThat(exists(tenDaysOld)).isTrue();

        // 21 days on, the ten-day-old row is 31 days old: gone; the others stay (a parked event keeps its row)
        retentionAt(Clock.offset(Clock.systemUTC(), Duration.ofDays(21))).removeExpired().await().indefinitely();
        assertThat(exists(tenDaysOld)).isFalse();
        assertThat(exists(oneDayOld)).isTrue();
        assertThat(exists(parkedTenDaysOld)).isTrue();
        pool.preparedQuery("DELETE FROM parked_event WHERE event_id = $1").execute(Tuple.of(parkedTenDaysOld)).await()
                .indefinitely();
    }

    private InboxRetention retentionAt(Clock clock) {
        return new InboxRetention(pool, clock, config, tables);
    }

    private UUID inboxRow(OffsetDateTime appliedAt) {
        UUID id = UUID.randomUUID();
        pool.preparedQuery("INSERT INTO inbox (event_id, type, source, applied_at) VALUES ($1, 'invoice-issued', 'test', $2)")
                .execute(Tuple.of(id, appliedAt)).await().indefinitely();
        return id;
    }

    private boolean exists(UUID id) {
        return pool.preparedQuery("SELECT count(*) FROM inbox WHERE event_id = $1").execute(Tuple.of(id)).await()
                .indefinitely().iterator().next().getLong(0) == 1;
    }
}
