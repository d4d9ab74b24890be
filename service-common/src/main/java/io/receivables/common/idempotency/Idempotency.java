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
        KeyedRequest keyed;
        try {
            keyed = keyed(key, endpoint, request);
        } catch (ProblemException invalid) {
            return Uni.createFrom().failure(invalid);
        }
        if (keyed == null) {
            return work.get();
        }
        return Panache.withTransaction(() -> claim(keyed)
                .chain(replayed -> replayed != null ? Uni.createFrom().item(replayed)
                        : work.get().chain(response -> record(keyed, response))));
    }

    /**
     * Checks the header on the request's own thread, for work that runs later in a transaction it shares with other
     * requests ({@link io.receivables.common.concurrency.GroupCommit}): null when the request carries no key.
     *
     * @throws ProblemException 400 naming the header when the key is empty or not printable ASCII
     */
    public KeyedRequest keyed(String key, String endpoint, Object request) {
        if (key == null && !headerSentEmpty()) {
            return null;
        }
        if (key == null || !IdempotencyKeys.isValid(key)) {
            throw ProblemException.invalid(HEADER,
                    "must be 1 to " + IdempotencyKeys.MAX_LENGTH + " printable ASCII characters");
        }
        return new KeyedRequest(endpoint, key, fingerprint.of(request));
    }

    /**
     * In the caller's transaction: claims the key, and returns null when this request is the first with it (do the work,
     * then {@link #record}), or the response recorded for it when it is a retry.
     *
     * @throws ProblemException (as a failed Uni) 422 when the key was used for a different request
     */
    public Uni<Response> claim(KeyedRequest keyed) {
        return store.claim(keyed.endpoint(), keyed.key(), keyed.hash())
                .chain(first -> first ? Uni.createFrom().nullItem() : replay(keyed.endpoint(), keyed.key(), keyed.hash()));
    }

    /** In the claim's transaction: remembers the response of the work done under the key, and returns it. */
    public Uni<Response> record(KeyedRequest keyed, Response response) {
        RecordedResponse recorded = RecordedResponse.of(response, mapper);
        return store.record(keyed.endpoint(), keyed.key(), recorded).replaceWith(recorded::toResponse);
    }

    /**
     * In the claim's transaction: gives the key back when the work was rejected but the transaction commits anyway (it
     * carried other requests' work), so that, as everywhere, a rejected request records nothing.
     */
    public Uni<Void> release(KeyedRequest keyed) {
        return store.release(keyed.endpoint(), keyed.key());
    }

    /** A request with a valid Idempotency-Key: the key's scope, the key, and the fingerprint of the body. */
    public record KeyedRequest(String endpoint, String key, String hash) {
    }

    /** Quarkus REST passes an empty header as null; an empty key is a client error, not "no key". */
    private boolean headerSentEmpty() {
        RoutingContext current = currentRequest.getCurrent();
        return current != null && current.request().headers().contains(HEADER);
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
