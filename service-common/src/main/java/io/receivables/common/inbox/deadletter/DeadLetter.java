package io.receivables.common.inbox.deadletter;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

/**
 * A record a consumer gave up on: where it was read, what it was and why it could not apply. {@code eventId} and
 * {@code eventType} are null when the envelope itself was unreadable; {@code replayedAt} is set once a replay applied it.
 */
public record DeadLetter(UUID id, UUID eventId, String eventType, String topic, int partition, long offset, String key,
        Map<String, String> headers, String payload, String reason, OffsetDateTime deadLetteredAt,
        OffsetDateTime replayedAt, String lastReplayFailure) {
}
