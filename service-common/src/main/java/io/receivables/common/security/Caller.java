package io.receivables.common.security;

import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.RequestScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.identity.SecurityIdentity;
import io.receivables.common.problem.ProblemException;

/**
 * Who makes the current request, as {@link OperationAuthorization} established it before the operation ran. A
 * {@code customer} token (without a staff role) sees only its own customer's data: {@link #customerScope()}.
 */
@RequestScoped
public class Caller {

    private SecurityIdentity identity;

    void authenticated(SecurityIdentity identity) {
        this.identity = identity;
    }

    /** The token's subject, or null outside an authenticated request. */
    public String subject() {
        return identity == null || identity.isAnonymous() ? null : identity.getPrincipal().getName();
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
