package io.receivables.common.idempotency;

import java.time.Clock;
import java.time.OffsetDateTime;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * The {@code idempotency_key} table, always through the current Hibernate Reactive session, so that every statement
 * runs in the caller's transaction, the one that also makes the protected write.
 */
@ApplicationScoped
class IdempotencyStore {

    /** A key used by a transaction that has not committed yet blocks this insert on the primary key until it ends. */
    private static final String CLAIM = """
            INSERT INTO idempotency_key (endpoint, key, request_hash, created_at)
            VALUES (:endpoint, :key, :hash, :createdAt)
            ON CONFLICT (endpoint, key) DO NOTHING""";

    private static final String RECORD = """
            UPDATE idempotency_key SET response_status = :status, response_body = :body, content_type = :contentType,
                   location = :location, etag = :etag
            WHERE endpoint = :endpoint AND key = :key""";

    private static final String FIND = """
            SELECT request_hash, response_status, response_body, content_type, location, etag
            FROM idempotency_key WHERE endpoint = :endpoint AND key = :key""";

    private static final String RELEASE = "DELETE FROM idempotency_key WHERE endpoint = :endpoint AND key = :key";

    private final Clock clock;

    @Inject
    IdempotencyStore(Clock clock) {
        this.clock = clock;
    }

    /** True when this request is the first with the key; false when a committed one already holds it. */
    Uni<Boolean> claim(String endpoint, String key, String requestHash) {
        return Panache.getSession().chain(session -> session.createNativeQuery(CLAIM)
                .setParameter("endpoint", endpoint)
                .setParameter("key", key)
                .setParameter("hash", requestHash)
                .setParameter("createdAt", OffsetDateTime.now(clock))
                .executeUpdate())
                .map(inserted -> inserted == 1);
    }

    Uni<Void> record(String endpoint, String key, RecordedResponse response) {
        return Panache.getSession().chain(session -> session.createNativeQuery(RECORD)
                .setParameter("status", response.status())
                .setParameter("body", response.body())
                .setParameter("contentType", response.contentType())
                .setParameter("location", response.location())
                .setParameter("etag", response.etag())
                .setParameter("endpoint", endpoint)
                .setParameter("key", key)
                .executeUpdate())
                .replaceWithVoid();
    }

    Uni<Void> release(String endpoint, String key) {
        return Panache.getSession().chain(session -> session.createNativeQuery(RELEASE)
                .setParameter("endpoint", endpoint)
                .setParameter("key", key)
                .executeUpdate())
                .replaceWithVoid();
    }

    /** The committed record, or null if it expired in between. */
    Uni<Stored> find(String endpoint, String key) {
        return Panache.getSession().chain(session -> session.createNativeQuery(FIND, Object[].class)
                .setParameter("endpoint", endpoint)
                .setParameter("key", key)
                .getSingleResultOrNull())
                .map(row -> row == null ? null
                        : new Stored((String) row[0], new RecordedResponse(((Number) row[1]).intValue(),
                                (String) row[2], (String) row[3], (String) row[4], (String) row[5])));
    }

    record Stored(String requestHash, RecordedResponse response) {
    }
}
