package io.receivables.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.receivables.common.inbox.HeaderJson;
import io.receivables.common.inbox.deadletter.DeadLetterTopic;
import io.receivables.common.testing.CloudEventProducer;
import io.receivables.common.testing.DeadLetterTopicReader;
import io.receivables.local.testing.LocalInfraTestResource;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The dead-letter topic is fed from the dead_letter table: a dead letter whose send failed (its row committed, not
 * marked published) is sent later, and a sent one is not sent again.
 */
@QuarkusTest
@WithTestResource(value = LocalInfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "analytics"))
class DeadLetterTopicTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    Pool pool;

    @Inject
    DeadLetterTopic topic;

    @Test
    void aDeadLetterWhoseSendFailedIsSentLaterAndOnlyOnce() {
        UUID eventId = UUID.randomUUID();
        UUID invoice = UUID.randomUUID();
        pool.preparedQuery("""
                INSERT INTO dead_letter (id, event_id, event_type, topic, kafka_partition, record_offset, message_key,
                                         headers, payload, reason, dead_lettered_at)
                VALUES ($1, $2, 'invoice-issued', 'ar.invoicing.events', 0, $3, $4, $5, '{}', 'never applies', $6)""")
                .execute(Tuple.tuple(List.of(UUID.randomUUID(), eventId, System.nanoTime(), invoice.toString(),
                        HeaderJson.write(CloudEventProducer.headers(eventId, "invoice-issued", invoice.toString())),
                        OffsetDateTime.now(ZoneOffset.UTC))))
                .await().indefinitely();

        // this run or the schedule's, whichever takes the row first
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
            topic.publishUnpublished().await().indefinitely();
            return published(eventId);
        });
        topic.publishUnpublished().await().indefinitely();

        assertThat(DeadLetterTopicReader.reasons(bootstrap, OpenArSummaryTest.DLQ, List.of(eventId)).get(eventId))
                .containsExactly("never applies");
    }

    private boolean published(UUID eventId) {
        return pool.preparedQuery("SELECT published_at IS NOT NULL FROM dead_letter WHERE event_id = $1")
                .execute(Tuple.of(eventId)).await().indefinitely().iterator().next().getBoolean(0);
    }
}
