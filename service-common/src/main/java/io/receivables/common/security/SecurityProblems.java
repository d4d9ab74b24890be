package io.receivables.common.security;

import java.util.List;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.receivables.common.problem.Problem;
import io.receivables.common.problem.ProblemType;

/**
 * 401 and 403 as problem+json; a 401 says {@code WWW-Authenticate: Bearer} (RFC 6750), with {@code invalid_token}
 * when a token was sent but refused. Also maps Quarkus' own security exceptions, should any code path raise them.
 */
public class SecurityProblems {

    static Response unauthorized(String detail, boolean tokenRefused, String path) {
        return Response.status(401)
                .header(HttpHeaders.WWW_AUTHENTICATE, tokenRefused ? "Bearer error=\"invalid_token\"" : "Bearer")
                .type(Problem.MEDIA_TYPE).entity(problem(ProblemType.UNAUTHORIZED, detail, path)).build();
    }

    static Response forbidden(String detail, String path) {
        return Response.status(403).type(Problem.MEDIA_TYPE).entity(problem(ProblemType.FORBIDDEN, detail, path))
                .build();
    }

    private static Problem problem(ProblemType type, String detail, String path) {
        return new Problem(type.uri(), type.title(), type.status(), detail, path, List.of());
    }

    @ServerExceptionMapper({ AuthenticationFailedException.class, UnauthorizedException.class })
    public Response unauthenticated(RuntimeException e, UriInfo uri) {
        return unauthorized("A valid bearer token is required (docs/security.md)", e instanceof AuthenticationFailedException,
                uri.getPath());
    }

    @ServerExceptionMapper
    public Response denied(ForbiddenException e, UriInfo uri) {
        return forbidden("Your roles do not allow this operation", uri.getPath());
    }
}
