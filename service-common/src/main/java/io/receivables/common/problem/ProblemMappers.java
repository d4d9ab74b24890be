package io.receivables.common.problem;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Maps every error a client can cause to RFC 9457 problem+json, naming the rejected field. Messages are written for the
 * client; exception class names and stack traces never leave the service.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    /** Why a key given twice is refused: which value was meant is a guess (parsers differ: first or last wins). */
    public static final String DUPLICATE_KEY = "is given more than once; send each field once";

    /** A restarted PostgreSQL accepts connections again within seconds (docs/operations.md, fault figures). */
    static final String RETRY_AFTER_SECONDS = "5";

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        return respond(e.type(), e.type().status(), e.getMessage(), e.errors(), uri);
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e, UriInfo uri) {
        List<FieldError> errors = new ArrayList<>();
        for (ConstraintViolation<?> violation : e.getConstraintViolations()) {
            errors.add(new FieldError(fieldPath(violation.getPropertyPath()), violation.getMessage()));
        }
        errors.sort((a, b) -> a.field().compareTo(b.field()));
        return respond(ProblemType.VALIDATION, 400, errors.size() + " field(s) rejected", errors, uri);
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonParseException e, UriInfo uri) {
        String duplicate = JsonPaths.duplicateKey(e);
        if (duplicate != null) {
            return respond(ProblemType.VALIDATION, 400, duplicate + ": " + DUPLICATE_KEY,
                    List.of(new FieldError(duplicate, DUPLICATE_KEY)), uri);
        }
        String detail = "Body is not valid JSON (line %d, column %d)".formatted(e.getLocation().getLineNr(),
                e.getLocation().getColumnNr());
        return respond(ProblemType.MALFORMED_JSON, 400, detail, List.of(), uri);
    }

    @ServerExceptionMapper
    public Response unknownField(UnrecognizedPropertyException e, UriInfo uri) {
        String field = JsonPaths.of(e);
        return respond(ProblemType.VALIDATION, 400, field + ": unknown field",
                List.of(new FieldError(field, "unknown field; see the OpenAPI document for the accepted fields")), uri);
    }

    @ServerExceptionMapper
    public Response wrongType(MismatchedInputException e, UriInfo uri) {
        String field = JsonPaths.of(e);
        String message = e instanceof InvalidFormatException invalid && !(invalid.getValue() instanceof Number)
                ? "value " + quoted(invalid.getValue()) + " is not a valid " + invalid.getTargetType().getSimpleName()
                : JsonPaths.describeMismatch(e);
        if (field.isEmpty()) {
            return respond(ProblemType.MALFORMED_JSON, 400, message, List.of(), uri);
        }
        return respond(ProblemType.VALIDATION, 400, field + ": " + message, List.of(new FieldError(field, message)), uri);
    }

    @ServerExceptionMapper
    public Response otherMapping(JsonMappingException e, UriInfo uri) {
        String duplicate = JsonPaths.duplicateKey(e);
        if (duplicate != null) {
            return respond(ProblemType.VALIDATION, 400, duplicate + ": " + DUPLICATE_KEY,
                    List.of(new FieldError(duplicate, DUPLICATE_KEY)), uri);
        }
        String field = JsonPaths.of(e);
        String message = e.getOriginalMessage();
        return respond(ProblemType.VALIDATION, 400, field + ": " + message, List.of(new FieldError(field, message)), uri);
    }

    @ServerExceptionMapper
    public Response http(WebApplicationException e, UriInfo uri) {
        // Quarkus' JSON reader wraps a syntax error (and some binding errors) in a plain 400: say what was wrong
        if (e.getCause() instanceof JsonParseException parse) {
            return malformedJson(parse, uri);
        }
        if (e.getCause() instanceof UnrecognizedPropertyException unknown) {
            return unknownField(unknown, uri);
        }
        if (e.getCause() instanceof MismatchedInputException mismatch) {
            return wrongType(mismatch, uri);
        }
        if (e.getCause() instanceof JsonMappingException mapping) {
            return otherMapping(mapping, uri);
        }
        int status = e.getResponse().getStatus();
        if (status == 415) {
            return respond(ProblemType.UNSUPPORTED_MEDIA_TYPE, 415,
                    "This Content-Type is not taken here: send one the operation's"
                            + " request body lists in the OpenAPI document",
                    List.of(), uri);
        }
        ProblemType type = status == 404 ? ProblemType.NOT_FOUND : ProblemType.HTTP_ERROR;
        String detail = status == 404 ? "No resource at " + uri.getPath()
                : Response.Status.fromStatusCode(status) == null ? "HTTP " + status
                        : Response.Status.fromStatusCode(status).getReasonPhrase();
        return respond(type, status, detail, List.of(), uri);
    }

    /** A concurrent write got in between a client's read and its update: it must read again, not overwrite. */
    @ServerExceptionMapper({ org.hibernate.StaleStateException.class, jakarta.persistence.OptimisticLockException.class })
    public Response concurrentUpdate(RuntimeException e, UriInfo uri) {
        return respond(ProblemType.PRECONDITION_FAILED, 412,
                "Someone else changed this resource while you were updating it; read it again and retry", List.of(), uri);
    }

    /**
     * Unexpected failures: logged with an id the client can quote; the body says nothing about internals. Any
     * {@link Throwable}, not only runtime exceptions: a reactive pipeline can fail with a checked one (the database
     * client's {@link java.net.ConnectException} when PostgreSQL is down), which would otherwise get a bare 500.
     */
    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        if (e instanceof WebApplicationException web) {
            return http(web, uri);
        }
        if (DatabaseUnavailable.isCause(e)) {
            // the database is down or restarting (the supervisor brings it back): a 503 to retry, not an internal error
            LOG.warnf("Database unavailable on %s: %s", uri.getPath(), e.toString());
            return Response.fromResponse(respond(ProblemType.UNAVAILABLE, 503,
                    "The database is not reachable right now; retry in a few seconds (with the same Idempotency-Key, if any)",
                    List.of(),
                    uri)).header("Retry-After", RETRY_AFTER_SECONDS).build();
        }
        String errorId = UUID.randomUUID().toString();
        LOG.errorf(e, "Unexpected error %s on %s", errorId, uri.getPath());
        return respond(ProblemType.INTERNAL, 500, "Unexpected error; quote error id " + errorId + " to support",
                List.of(), uri);
    }

    private static Response respond(ProblemType type, int status, String detail, List<FieldError> errors, UriInfo uri) {
        String title = type == ProblemType.HTTP_ERROR && Response.Status.fromStatusCode(status) != null
                ? Response.Status.fromStatusCode(status).getReasonPhrase()
                : type.title();
        Problem problem = new Problem(type.uri(), title, status, detail, uri.getPath(), errors);
        return Response.status(status).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    /** {@code createInvoice.request.lines[0].unitPrice} becomes {@code lines[0].unitPrice}. */
    static String fieldPath(Path path) {
        StringBuilder field = new StringBuilder();
        String parameter = null;
        for (Path.Node node : path) {
            if (node.getKind() == ElementKind.METHOD) {
                continue;
            }
            if (node.getKind() == ElementKind.PARAMETER) {
                // a query or header parameter is named by itself; a body parameter by the fields below it
                parameter = node.getName();
                continue;
            }
            if (node.getIndex() != null && field.length() > 0 && node.getKind() == ElementKind.PROPERTY) {
                field.append('[').append(node.getIndex()).append(']');
            }
            if (node.getName() != null && !node.getName().startsWith("<")) {
                if (field.length() > 0) {
                    field.append('.');
                }
                field.append(node.getName());
            }
        }
        if (field.length() == 0 && parameter != null && !parameter.matches("arg\\d+")) {
            // resources name their body parameter "request": a missing body is reported as "body"
            return parameter.equals("request") ? "body" : parameter;
        }
        return field.toString();
    }

    private static String quoted(Object value) {
        return value instanceof String s ? '"' + s + '"' : String.valueOf(value);
    }
}
