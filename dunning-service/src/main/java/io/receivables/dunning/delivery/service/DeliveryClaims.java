package io.receivables.dunning.delivery.service;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.receivables.dunning.delivery.DeliveryConfig;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Takes due messages for one worker, in a transaction of its own that commits before anything is sent: the attempt is
 * on record (SENDING, attempts + 1, and until when it may take) whatever happens next. {@code FOR UPDATE SKIP LOCKED}
 * lets the workers of every replica claim at once without ever taking the same message; a message whose attempt
 * outlived the attempt timeout (its worker died between claiming and recording) is due again and is taken over.
 */
@ApplicationScoped
public class DeliveryClaims {

    /** Abandoned attempts of a message that has no attempt left: FAILED instead of tried again. */
    private static final String GIVE_UP_ABANDONED = """
            UPDATE dunning_message SET status = 'FAILED', version = version + 1,
                   last_error = left('gave up after ' || attempts || ' attempt(s); the last one did not finish'
                                     || coalesce(' (earlier: ' || last_error || ')', ''), 1000)
            WHERE status = 'SENDING' AND next_attempt_at <= $1 AND attempts >= $2""";

    private static final String CLAIM = """
            UPDATE dunning_message m SET status = 'SENDING', attempts = m.attempts + 1, next_attempt_at = $2,
                   version = m.version + 1
            FROM (SELECT id FROM dunning_message
                  WHERE status IN ('QUEUED', 'SENDING') AND next_attempt_at <= $1 AND attempts < $3
                  ORDER BY next_attempt_at LIMIT $4 FOR UPDATE SKIP LOCKED) due
            WHERE m.id = due.id
            RETURNING m.id, m.attempts""";

    /** A claimed message and the number of its attempt: recording the outcome checks it is still this attempt. */
    public record Claimed(UUID messageId, int attempt) {
    }

    private final Pool pool;
    private final DeliveryConfig config;

    @Inject
    public DeliveryClaims(Pool pool, DeliveryConfig config) {
        this.pool = pool;
        this.config = config;
    }

    /** Claims up to the batch size of the messages due at {@code now}, and commits. */
    public Uni<List<Claimed>> claim(Instant now) {
        OffsetDateTime at = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
        OffsetDateTime until = OffsetDateTime.ofInstant(now.plus(config.attemptTimeout()), ZoneOffset.UTC);
        return pool.withTransaction(connection -> connection.preparedQuery(GIVE_UP_ABANDONED)
                .execute(Tuple.of(at, config.maxAttempts()))
                .chain(() -> connection.preparedQuery(CLAIM)
                        .execute(Tuple.of(at, until, config.maxAttempts(), config.batchSize())))
                .map(rows -> {
                    List<Claimed> claimed = new ArrayList<>();
                    for (Row row : rows) {
                        claimed.add(new Claimed(row.getUUID(0), row.getInteger(1)));
                    }
                    return claimed;
                }));
    }
}
