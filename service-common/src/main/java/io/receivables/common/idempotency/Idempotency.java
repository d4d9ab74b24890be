package io.receivables.common.idempotency;

import java.util.List;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.receivables.common.problem.ProblemException;
import io.receivables.common.problem.ProblemType;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;

/**
 * Makes a POST safe to retry with an {@code Idempotency-Key}: the first request does the work and its response is
 * recorded; a retry with the same key and the same request gets that response back without the work being done again.
 * <p>
 * The key, the work and the recorded response commit in ONE transaction (nothing lost, nothing doubled): this bean opens
 * it, or joins the one the resource method opened ({@code @WithTransaction} on the resource, the edge), and the work
 * runs in it: the service methods it calls carry no {@code @WithTransaction} of their own (Panache reuses the session
 * open on the Vert.x context, and Hibernate Reactive's {@code Session.withTransaction} runs inside a transaction already
 * in progress instead of starting one). So a crash leaves either the write with its key or neither.
 * <p>
 * Requests that fail (validation, unknown reference, any exception) roll the whole transaction back, key included:
 * rejections are not recorded, and a corrected request may reuse the key. Only what committed is replayed.
 */
@ApplicationScoped
public class Idempotency {

    public static final String HEADER = "Idempotency-Key";

    /** For the OpenAPI {@code @Parameter} of every endpoint that uses this. */
    public static final String HEADER_DESCRIPTION = "Makes the request safe to retry: 1 to 255 printable ASCII characters,"
            + " unique per request (e.g. a UUID). A retry with the same key and the same body returns the first response"
            + " (status, body and Location) without doing the work again; the same key with a different body is rejected"
            + " with 422 idempotency-key-reused. A rejected request records nothing, so a corrected one may reuse the key."
            + " Keys are remembered for 24 hours by default.";

    private final IdempotencyStore store;
    private final RequestFingerprint fingerprint;
    private final ObjectMapper mapper;
    private final CurrentVertxRequest currentRequest;

    @Inject
    public Idempotency(IdempotencyStore store, RequestFingerprint fingerprint, ObjectMapper mapper,
            CurrentVertxRequest currentRequest) {
        this.store = store;
        this.fingerprint = fingerprint;
        this.mapper = mapper;
        this.currentRequest = currentRequest;
    }

    /**
     * @param key the header's value; without the header {@code work} runs exactly as without this
     * @param endpoint the scope of the key, e.g. {@code POST /invoices}
     * @param request the deserialized body, fingerprinted to tell a retry from a different request
     * @param work the write; it must not commit on its own (it runs in this transaction)
     */
    public Uni<Response> handle(String key, String endpoint, Object request, Supplier<Uni<Response>> work) {
        if (key == null && !headerSentEmpty()) {
            return work.get();
        }
        if (key == null || !IdempotencyKeys.isValid(key)) {
            return Uni.createFrom().failure(ProblemException.invalid(HEADER,
                    "must be 1 to " + IdempotencyKeys.MAX_LENGTH + " printable ASCII characters"));
        }
        String hash = fingerprint.of(request);
        return Panache.withTransaction(() -> store.claim(endpoint, key, hash)
                .chain(first -> first ? doAndRecord(endpoint, key, work) : replay(endpoint, key, hash)));
    }

    /** Quarkus REST passes an empty header as null; an empty key is a client error, not "no key". */
    private boolean headerSentEmpty() {
        RoutingContext current = currentRequest.getCurrent();
        return current != null && current.request().headers().contains(HEADER);
    }

    private Uni<Response> doAndRecord(String endpoint, String key, Supplier<Uni<Response>> work) {
        return work.get().chain(response -> {
            RecordedResponse recorded = RecordedResponse.of(response, mapper);
            return store.record(endpoint, key, recorded).replaceWith(recorded::toResponse);
        });
    }

    private Uni<Response> replay(String endpoint, String key, String hash) {
        return store.find(endpoint, key).map(stored -> {
            if (stored == null) {
                // expired and removed between our insert attempt and this read: rare; the client can simply retry
                throw new ProblemException(ProblemType.CONFLICT,
                        HEADER + " " + key + " was released while this request waited; retry", List.of());
            }
            if (!stored.requestHash().equals(hash)) {
                throw ProblemException.idempotencyKeyReused(HEADER + " " + key + " was already used on " + endpoint
                        + " for a different request; use a new key for a new request");
            }
            return stored.response().toResponse();
        });
    }
}
