package io.receivables.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

class OutboxConnectorsTest {

    private static final OutboxConnectors.DatabaseEndpoint LOCAL = new OutboxConnectors.DatabaseEndpoint("127.0.0.1", 15432,
            "postgres", "${file:/opt/secrets/db.properties:password}");

    @Test
    void definesOneConnectorPerProducingServiceWithItsOwnSlotPublicationAndTopic() {
        var definitions = OutboxConnectors.load();
        assertThat(definitions).extracting(OutboxConnectors.Definition::service)
                .containsExactlyElementsOf(TopicCatalog.PRODUCERS);
        definitions.forEach(d -> {
            assertThat(d.database()).isEqualTo(d.service());
            assertThat(d.topic()).isEqualTo(TopicCatalog.eventTopic(d.service()));
            assertThat(d.slot()).isEqualTo("ar_" + d.service() + "_outbox");
        });
        assertThat(definitions).extracting(OutboxConnectors.Definition::publication).doesNotHaveDuplicates();
    }

    @Test
    void rendersTheTemplateLeavingConfigProvidersAndNoPlaceholder() {
        Map<String, String> config = OutboxConnectors.forService("payments").config(LOCAL);

        assertThat(config.values()).noneMatch(v -> v.contains("{{"));
        assertThat(config).containsEntry("connector.class", "io.debezium.connector.postgresql.PostgresConnector")
                .containsEntry("plugin.name", "pgoutput")
                .containsEntry("database.hostname", "127.0.0.1")
                .containsEntry("database.port", "15432")
                .containsEntry("database.dbname", "payments")
                .containsEntry("database.password", "${file:/opt/secrets/db.properties:password}")
                .containsEntry("slot.name", "ar_payments_outbox")
                .containsEntry("publication.name", "ar_payments_outbox")
                .containsEntry("publication.autocreate.mode", "filtered")
                .containsEntry("table.include.list", "public.outbox")
                .containsEntry("tombstones.on.delete", "false")
                .containsEntry("snapshot.mode", "when_needed")
                .containsEntry("transforms.outbox.type", "io.debezium.transforms.outbox.EventRouter")
                .containsEntry("transforms.outbox.route.topic.replacement", "ar.payments.events")
                .containsEntry("transforms.outbox.table.field.event.key", "customer_id")
                .containsEntry("transforms.outbox.table.expand.json.payload", "false")
                .containsEntry("value.converter", "org.apache.kafka.connect.storage.StringConverter")
                .containsKey("heartbeat.interval.ms");
        assertThat(config.get("transforms.outbox.table.fields.additional.placement").split(",")).containsExactlyInAnyOrder(
                "id:header:ce_id", "source:header:ce_source", "type:header:ce_type", "specversion:header:ce_specversion",
                "ce_time:header:ce_time", "aggregateid:header:ce_subject", "dataschema:header:ce_dataschema",
                "datacontenttype:header:content-type");
    }

    @Test
    void publishesACommittedRowWithinMillisecondsNotHalfASecond() {
        Map<String, String> config = OutboxConnectors.forService("invoicing").config(LOCAL);

        // Debezium waits poll.interval.ms (default 500) both when the slot has nothing new and to fill a batch
        assertThat(Integer.parseInt(config.get("poll.interval.ms"))).isBetween(1, 50);
        assertThat(Integer.parseInt(config.get("max.batch.size"))).isLessThan(Integer.parseInt(config.get("max.queue.size")));
        // Connect's producer: a short linger, and still no event lost or duplicated by a retry
        assertThat(Integer.parseInt(config.get("producer.override.linger.ms"))).isBetween(0, 10);
        assertThat(config).containsEntry("producer.override.acks", "all")
                .containsEntry("producer.override.enable.idempotence", "true");
    }

    @Test
    void namesTheHeartbeatTopicAfterTheTopicPrefix() {
        assertThat(OutboxConnectors.forService("dunning").heartbeatTopic()).isEqualTo("__debezium-heartbeat.ar.dunning");
        assertThat(TopicCatalog.all(6)).containsEntry("__debezium-heartbeat.ar.dunning", 1);
    }

    @Test
    void refusesAPlaceholderWithoutValue() {
        assertThatThrownBy(() -> OutboxConnectors.render(Map.of("a", "x-{{missing}}"), Map.of()))
                .hasMessageContaining("{{missing}}");
        assertThat(OutboxConnectors.render(Map.of("a", "${routedByValue}-{{b}}"), Map.of("b", "$1")))
                .containsEntry("a", "${routedByValue}-$1");
    }
}
