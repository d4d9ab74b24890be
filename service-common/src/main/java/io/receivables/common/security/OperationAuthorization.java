package io.receivables.common.security;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;

/**
 * Every JAX-RS operation needs a valid bearer token whose roles the role matrix allows for the operation's
 * {@code operationId} (the one its {@code @Operation} declares, as in the OpenAPI document). No token, or one that is
 * expired, from another issuer or badly signed: 401. A role the matrix does not list, or an operation the matrix does
 * not name at all (fail closed): 403. The only exception: an operation the matrix marks {@link RoleMatrix#PUBLIC}
 * (a signed webhook) takes no token and verifies its requests' signature itself. Health, metrics and the OpenAPI document are
 * Vert.x routes, not JAX-RS: public.
 * <p>
 * The identity is established here, not proactively by Quarkus, so that both answers are problem+json like every
 * other error. Runs before the body is read: a caller without the role learns nothing about its body's validity.
 */
@ApplicationScoped
public class OperationAuthorization {

    private static final Logger LOG = Logger.getLogger(OperationAuthorization.class);

    private final RoleMatrix matrix;
    private final CurrentIdentityAssociation identities;
    private final Caller caller;
    private final Map<Method, Optional<String>> operationIds = new ConcurrentHashMap<>();

    @Inject
    public OperationAuthorization(
            @ConfigProperty(name = "receivables.security.role-matrix", defaultValue = "security/role-matrix.properties") String serviceMatrix,
            CurrentIdentityAssociation identities, Caller caller) {
        this.matrix = RoleMatrix.load(Thread.currentThread().getContextClassLoader(), serviceMatrix);
        this.identities = identities;
        this.caller = caller;
    }

    public RoleMatrix matrix() {
        return matrix;
    }

    @ServerRequestFilter
    public Uni<Response> authorize(ContainerRequestContext request, ResourceInfo resource) {
        String path = request.getUriInfo().getPath();
        Optional<String> operationId = operationIds.computeIfAbsent(resource.getResourceMethod(),
                OperationAuthorization::operationIdOf);
        if (operationId.isPresent() && matrix.isPublic(operationId.get())) {
            // a signed webhook: the operation itself verifies the request's signature before doing anything
            return Uni.createFrom().nullItem();
        }
        return identities.getDeferredIdentity()
                .map(identity -> decide(identity, resource.getResourceMethod(), path))
                .onFailure(AuthenticationFailedException.class)
                .recoverWithItem(failure -> SecurityProblems.unauthorized(
                        "The bearer token is not valid (expired, from another issuer or badly signed): get a new one",
                        true, path));
    }

    private Response decide(SecurityIdentity identity, Method method, String path) {
        if (identity.isAnonymous()) {
            return SecurityProblems.unauthorized("Send a bearer token: Authorization: Bearer <token> (docs/security.md)",
                    false, path);
        }
        Optional<String> operationId = operationIds.computeIfAbsent(method, OperationAuthorization::operationIdOf);
        Set<String> allowed = operationId.map(matrix::rolesOf).orElse(Set.of());
        if (allowed.stream().noneMatch(identity::hasRole)) {
            if (operationId.isEmpty() || !matrix.names(operationId.get())) {
                LOG.warnf("Operation %s is not in the role matrix: refused to everyone",
                        operationId.orElse(method.toString()));
            }
            return SecurityProblems.forbidden("Operation " + operationId.orElse("(unnamed)")
                    + " needs one of the roles " + String.join(", ", allowed), path);
        }
        caller.authenticated(identity);
        return null;
    }

    private static Optional<String> operationIdOf(Method method) {
        Operation operation = method.getAnnotation(Operation.class);
        return operation == null || operation.operationId().isEmpty() ? Optional.empty()
                : Optional.of(operation.operationId());
    }

}
