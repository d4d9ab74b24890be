package io.receivables.common.security;

import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.RequestScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.identity.SecurityIdentity;
import io.receivables.common.problem.ProblemException;
import io.receivables.contracts.events.Actor;

/**
 * Who makes the current request, as {@link OperationAuthorization} established it before the operation ran. A
 * {@code customer} token (without a staff role) sees only its own customer's data: {@link #customerScope()}.
 */
@RequestScoped
public class Caller {

    static final String PREFERRED_USERNAME = "preferred_username";
    /** Keycloak's claim naming the client of a service account's (client credentials) token. */
    static final String CLIENT_ID = "client_id";
    /** Keycloak names a client's service-account user {@code service-account-<client id>}. */
    static final String SERVICE_ACCOUNT_PREFIX = "service-account-";

    private SecurityIdentity identity;

    void authenticated(SecurityIdentity identity) {
        this.identity = identity;
    }

    /** The token's subject, or null outside an authenticated request. */
    public String subject() {
        return identity == null || identity.isAnonymous() ? null : identity.getPrincipal().getName();
    }

    /**
     * Who makes this request, for the audit log and the events it writes: a service account (its token names a client:
     * Keycloak's {@code client_id}, or a {@code service-account-} username) with its client id, else a user with the
     * token's subject and {@code preferred_username}. Read it at the edge, in the resource, and pass it down: work that
     * runs later or for several callers at once (a group commit) has no request of its own.
     *
     * @throws IllegalStateException outside an authenticated request: a state change always has an actor
     */
    public Actor actor() {
        if (identity == null || identity.isAnonymous()) {
            throw new IllegalStateException("no authenticated caller: resolve the actor in the resource method");
        }
        String subject = identity.getPrincipal().getName();
        if (!(identity.getPrincipal() instanceof JsonWebToken token)) {
            return new Actor(Actor.Kind.USER, subject, null, null);
        }
        String id = token.getSubject() != null ? token.getSubject() : subject;
        String username = text(token.getClaim(PREFERRED_USERNAME));
        String clientId = text(token.getClaim(CLIENT_ID));
        if (clientId == null) {
            clientId = text(token.getClaim("clientId"));
        }
        if (clientId == null && username != null && username.startsWith(SERVICE_ACCOUNT_PREFIX)) {
            clientId = text(token.getClaim("azp"));
        }
        return clientId == null ? new Actor(Actor.Kind.USER, id, username, null)
                : new Actor(Actor.Kind.SERVICE_ACCOUNT, id, username, clientId);
    }

    private static String text(Object claim) {
        if (claim == null) {
            return null;
        }
        String text = String.valueOf(claim).replace("\"", "").strip();
        return text.isEmpty() ? null : text;
    }

    /**
     * The customer this caller is confined to: present for a portal user (role {@code customer} and no staff role),
     * empty for staff and service accounts. A customer token without a valid {@code customer_id} claim is confined to
     * no customer at all (a random id no customer has), so it reads nothing.
     */
    public Optional<UUID> customerScope() {
        if (identity == null || !identity.hasRole(Roles.CUSTOMER)) {
            return Optional.empty();
        }
        boolean staff = Roles.ALL.stream().filter(r -> !r.equals(Roles.CUSTOMER)).anyMatch(identity::hasRole);
        if (staff) {
            return Optional.empty();
        }
        Object claim = identity.getPrincipal() instanceof JsonWebToken token ? token.getClaim(Roles.CUSTOMER_ID_CLAIM)
                : null;
        try {
            return Optional.of(UUID.fromString(String.valueOf(claim).replace("\"", "")));
        } catch (IllegalArgumentException e) {
            return Optional.of(new UUID(0, 0));
        }
    }

    /**
     * Refuses a portal user another customer's data with the same 404 as an id that does not exist, so that ids
     * cannot be probed.
     */
    public void requireMayRead(UUID customerId, String notFoundDetail) {
        customerScope().filter(own -> !own.equals(customerId)).ifPresent(own -> {
            throw ProblemException.notFound(notFoundDetail);
        });
    }
}
