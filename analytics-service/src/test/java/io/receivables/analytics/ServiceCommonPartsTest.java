package io.receivables.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.receivables.common.idempotency.IdempotencyCleanup;
import io.receivables.common.inbox.retention.InboxRetention;
import io.receivables.common.outbox.OutboxRetention;
import io.receivables.common.schema.OptionalTables;
import io.receivables.local.testing.LocalInfraTestResource;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Analytics takes only the parts of service-common it uses (docs/service-common.md): it consumes, so it has the inbox
 * tables, but it publishes nothing and takes no POST, so its database has neither {@code outbox} nor
 * {@code idempotency_key}. The shared jobs of those parts then do nothing, and log nothing, instead of failing on a
 * missing relation; its basics (AnalyticsServiceBasicsTest) pass all the same.
 */
@QuarkusTest
@WithTestResource(value = LocalInfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "analytics"))
class ServiceCommonPartsTest {

    @Inject
    Pool pool;

    @Inject
    IdempotencyCleanup idempotencyCleanup;

    @Inject
    OutboxRetention outboxRetention;

    @Inject
    InboxRetention inboxRetention;

    @Test
    void hasTheInboxButNeitherOutboxNorIdempotencyTables() {
        assertThat(tableExists("inbox")).isTrue();
        assertThat(tableExists("parked_event")).isTrue();
        assertThat(tableExists("dead_letter")).isTrue();
        assertThat(tableExists("outbox")).isFalse();
        assertThat(tableExists("idempotency_key")).isFalse();
    }

    @Test
    void theJobsOfPartsItLacksDoNothingAndLogNoError() {
        List<LogRecord> errors = new CopyOnWriteArrayList<>();
        Handler collector = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getLevel().intValue() >= Level.SEVERE.intValue()) {
                    errors.add(record);
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger root = Logger.getLogger("");
        root.addHandler(collector);
        try {
            // each would fail with 'relation "idempotency_key" (or "outbox") does not exist' if it ran its statement
            assertThat(idempotencyCleanup.removeExpired().await().indefinitely()).isZero();
            assertThat(outboxRetention.run().await().indefinitely()).isZero();
            // the part it has still works
            assertThat(inboxRetention.removeExpired().await().indefinitely()).isNotNegative();
        } finally {
            root.removeHandler(collector);
        }
        assertThat(errors).extracting(LogRecord::getMessage).isEmpty();
    }

    @Test
    void anOptionalPartsWorkRunsOnlyOnceItsTablesExist() {
        String table = "optional_probe_" + Long.toHexString(System.nanoTime());
        OptionalTables part = OptionalTables.of(pool, "inbox", table);
        AtomicInteger ran = new AtomicInteger();
        Supplier<Uni<String>> work = () -> Uni.createFrom().item(() -> "ran " + ran.incrementAndGet());

        // one of its tables missing: skipped, the work not even started
        assertThat(part.ifPresent(work, "skipped").await().indefinitely()).isEqualTo("skipped");
        assertThat(ran).hasValue(0);

        // a miss is not remembered: once the migration has created it, the work runs
        pool.query("CREATE TABLE " + table + " (id INTEGER)").execute().await().indefinitely();
        try {
            assertThat(part.ifPresent(work, "skipped").await().indefinitely()).isEqualTo("ran 1");
            assertThat(part.present().await().indefinitely()).isTrue();
        } finally {
            pool.query("DROP TABLE " + table).execute().await().indefinitely();
        }
        // found once, it is not asked again (tables are never dropped by a service)
        assertThat(part.ifPresent(work, "skipped").await().indefinitely()).isEqualTo("ran 2");
    }

    private boolean tableExists(String table) {
        return pool.preparedQuery("SELECT to_regclass($1) IS NOT NULL").execute(Tuple.of(table))
                .await().indefinitely().iterator().next().getBoolean(0);
    }
}
