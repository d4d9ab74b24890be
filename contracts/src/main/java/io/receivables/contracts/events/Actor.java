package io.receivables.contracts.events;

import static java.util.Objects.requireNonNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Who made the change an event reports (common.json {@code actor}): a person signed in with a token, a service
 * account of another system, or the platform itself (a consumer applying another service's event, a scheduled job).
 * Optional on every v1 event: events written before it existed carry none.
 *
 * @param kind what made the change
 * @param id the token's subject ({@code sub}) for a user or service account; {@code system:<consumer or job>} for the
 *        platform itself, e.g. {@code system:billing-scheduler}
 * @param username the token's {@code preferred_username}, when it has one
 * @param clientId a service account's OAuth client id
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Actor", description = "Who made a change")
public record Actor(Kind kind, String id, String username, String clientId) {

    /** The prefix of every {@link Kind#SYSTEM} actor's id. */
    public static final String SYSTEM_PREFIX = "system:";

    @Schema(name = "ActorKind")
    public enum Kind {
        /** A person, signed in with a token. */
        USER,
        /** Another system, with a client-credentials token. */
        SERVICE_ACCOUNT,
        /** The platform itself: a consumer of another service's events, or a scheduled job. */
        SYSTEM
    }

    public Actor {
        requireNonNull(kind, "kind");
        requireNonNull(id, "id");
        if (kind == Kind.SYSTEM && !id.startsWith(SYSTEM_PREFIX)) {
            throw new IllegalArgumentException("a system actor's id starts with " + SYSTEM_PREFIX + ": " + id);
        }
    }

    /** The platform itself, as the consumer or job {@code name}, e.g. {@code billing-scheduler}. */
    public static Actor system(String name) {
        return new Actor(Kind.SYSTEM, SYSTEM_PREFIX + name, null, null);
    }

    /** How a person reads it: the username, else the client id, else the id. */
    @JsonIgnore
    public String displayName() {
        return username != null ? username : clientId != null ? clientId : id;
    }
}
