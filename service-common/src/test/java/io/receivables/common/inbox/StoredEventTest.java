package io.receivables.common.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/**
 * A dead letter or a parked event is read back from its stored headers with the same envelope checks as a record from
 * Kafka.
 */
class StoredEventTest {

    private static Map<String, String> headers(UUID id) {
        Map<String, String> headers = new HashMap<>();
        headers.put("ce_id", id.toString());
        headers.put("ce_type", "invoice-issued");
        headers.put("ce_source", "/receivables/invoicing-service");
        headers.put("ce_specversion", "1.0");
        headers.put("ce_time", "2026-11-02T09:00:00Z");
        headers.put("ce_subject", "inv-1");
        return headers;
    }

    @Test
    void anEventSurvivesStorageOfItsHeadersAsJson() {
        UUID id = UUID.randomUUID();
        InboundEvent stored = InboundEvent.of(headers(id), "customer-1", "{\"a\": 1}", "ar.invoicing.events", 3, 42);
        InboundEvent read = InboundEvent.of(HeaderJson.read(HeaderJson.write(stored.headers())), stored.key(),
                stored.payload(), stored.topic(), stored.partition(), stored.offset());
        assertThat(read).isEqualTo(stored);
        assertThat(read.id()).isEqualTo(id);
    }

    @Test
    void aStoredRecordWithABrokenEnvelopeIsStillMalformed() {
        Map<String, String> noId = headers(UUID.randomUUID());
        noId.remove("ce_id");
        assertThatThrownBy(() -> InboundEvent.of(noId, null, "{}", "t", 0, 0))
                .isInstanceOf(MalformedEventException.class).hasMessageContaining("ce_id");
        Map<String, String> badId = headers(UUID.randomUUID());
        badId.put("ce_id", "not-a-uuid");
        assertThatThrownBy(() -> InboundEvent.of(badId, null, "{}", "t", 0, 0))
                .isInstanceOf(MalformedEventException.class).hasMessageContaining("not a UUID");
        assertThatThrownBy(() -> InboundEvent.of(headers(UUID.randomUUID()), null, " ", "t", 0, 0))
                .isInstanceOf(MalformedEventException.class).hasMessageContaining("empty body");
    }
}
