package io.receivables.common.http;

import java.net.URI;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.runtime.configuration.MemorySize;
import io.receivables.common.concurrency.IfMatch;
import io.receivables.common.problem.FieldError;
import io.receivables.common.problem.Problem;
import io.receivables.common.problem.ProblemType;
import io.receivables.common.text.FreeText;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * Checks every request before any route (JAX-RS, health, OpenAPI) sees it, and answers what it refuses with
 * problem+json like every other error: a URI longer than {@code receivables.http.max-uri-length} (414), a declared body
 * larger than {@code quarkus.http.limits.max-body-size} (413), and a NUL character or malformed percent-encoding in the
 * path, a query parameter or a header (400 naming it), which would otherwise reach PostgreSQL and fail there with a 500.
 * Vert.x's own limit on the request line is set far above ours (service-common's configuration), so that a long URI
 * reaches this check instead of getting Vert.x's empty 414.
 * <p>
 * A body sent without {@code Content-Length} (chunked) can only be measured while it is read: it is read here, by
 * Vert.x Web's {@link BodyHandler} with the same limit, which fails the request with 413 once the limit is passed; the
 * failure handler below answers that with problem+json. (Left to Quarkus REST, it would be cut off with an empty 413.)
 * Quarkus REST takes the body read here as the request's body.
 * <p>
 * {@code If-Match} sent as several header lines is one list (RFC 9110 §5.3): the lines are combined here, so that every
 * resource reading the header as one string sees all of its entity tags.
 */
@ApplicationScoped
public class HttpEdgeGuard {

    /** Before Quarkus' own body-size check (RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT, -2), which answers with no body. */
    static final int ORDER = -3;

    private final ObjectMapper mapper;
    private final int maxUriLength;
    private final long maxBodySize;
    private final BodyHandler chunkedBody;

    @Inject
    public HttpEdgeGuard(ObjectMapper mapper,
            @ConfigProperty(name = "receivables.http.max-uri-length", defaultValue = "8192") int maxUriLength,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K") MemorySize maxBodySize) {
        this.mapper = mapper;
        this.maxUriLength = maxUriLength;
        this.maxBodySize = maxBodySize.asLongValue();
        this.chunkedBody = BodyHandler.create(false).setBodyLimit(this.maxBodySize);
    }

    void install(@Observes Router router) {
        router.route().order(ORDER).handler(this::check).failureHandler(this::failed);
    }

    /** Only the body limit's failure is ours; every other failure goes on to Quarkus' handlers. */
    void failed(RoutingContext context) {
        if (context.statusCode() == 413 && !context.response().headWritten()) {
            reject(context, ProblemType.PAYLOAD_TOO_LARGE, 413, "The body is larger than the " + maxBodySize
                    + " bytes accepted: split the upload", List.of(), true);
            return;
        }
        context.next();
    }

    void check(RoutingContext context) {
        HttpServerRequest request = context.request();
        String uri = request.uri();
        if (uri.length() > maxUriLength) {
            reject(context, ProblemType.URI_TOO_LONG, 414, "The request URI has " + uri.length()
                    + " characters; at most " + maxUriLength + " are accepted: send long filters in fewer parameters",
                    List.of(), true);
            return;
        }
        String length = request.getHeader("Content-Length");
        if (length != null && declaredLength(length) > maxBodySize) {
            reject(context, ProblemType.PAYLOAD_TOO_LARGE, 413, "The body has " + length.strip() + " bytes; at most "
                    + maxBodySize + " are accepted: split the upload", List.of(), true);
            return;
        }
        FieldError bad = badText(context);
        if (bad != null) {
            reject(context, ProblemType.VALIDATION, 400, bad.field() + ": " + bad.message(), List.of(bad), false);
            return;
        }
        combineIfMatchLines(request);
        if (length == null && hasUnmeasuredBody(request)) {
            chunkedBody.handle(context); // continues with the next route once the whole body is read
            return;
        }
        context.next();
    }

    private static void combineIfMatchLines(HttpServerRequest request) {
        List<String> lines = request.headers().getAll(IfMatch.HEADER);
        if (lines.size() > 1) {
            request.headers().set(IfMatch.HEADER, IfMatch.combine(lines));
        }
    }

    /**
     * A body whose size is not declared: HTTP/1.1 chunked, or HTTP/2 without {@code Content-Length} (where the end of
     * the headers does not say whether data frames follow, so only methods that carry a body are read).
     */
    private static boolean hasUnmeasuredBody(HttpServerRequest request) {
        String type = request.getHeader("Content-Type");
        if (type != null && (type.regionMatches(true, 0, "multipart/", 0, 10)
                || type.regionMatches(true, 0, "application/x-www-form-urlencoded", 0, 33))) {
            // BodyHandler would decode a form into attributes and leave Quarkus REST no raw body; no service takes forms
            return false;
        }
        if (request.headers().contains("Transfer-Encoding")) {
            return true;
        }
        return request.version() == HttpVersion.HTTP_2 && !request.isEnded()
                && switch (request.method().name()) {
                    case "POST", "PUT", "PATCH" -> true;
                    default -> false;
                };
    }

    /** The first path, query or header text the service cannot take, or null. */
    private static FieldError badText(RoutingContext context) {
        HttpServerRequest request = context.request();
        String rawPath = request.path() == null ? "" : request.path();
        if (rawPath.toLowerCase().contains("%00")) {
            return new FieldError("path", FreeText.NUL_MESSAGE);
        }
        MultiMap query;
        try {
            query = context.queryParams();
        } catch (RuntimeException e) {
            return new FieldError("query", "is not valid percent-encoding (RFC 3986)");
        }
        for (Map.Entry<String, String> parameter : query) {
            if (FreeText.hasNul(parameter.getKey()) || FreeText.hasNul(parameter.getValue())) {
                return new FieldError(FreeText.hasNul(parameter.getKey()) ? "query" : parameter.getKey(),
                        FreeText.NUL_MESSAGE);
            }
        }
        // Over HTTP/1.1 Vert.x's decoder refuses such a header before any route, with an empty 400 this service cannot
        // replace (docs/api-limits.md); this answers for one that reaches the router all the same
        for (Map.Entry<String, String> header : request.headers()) {
            if (hasControlCharacter(header.getValue())) {
                return new FieldError(header.getKey(), "must not contain control characters such as NUL (U+0000)");
            }
        }
        return null;
    }

    /** RFC 9110 §5.5: a field value holds no CTL but horizontal tab. */
    private static boolean hasControlCharacter(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if ((c < 0x20 && c != '\t') || c == 0x7F) {
                return true;
            }
        }
        return false;
    }

    private static long declaredLength(String header) {
        try {
            return Long.parseLong(header.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private void reject(RoutingContext context, ProblemType type, int status, String detail, List<FieldError> errors,
            boolean close) {
        String path = context.request().path() == null ? "/" : context.request().path();
        String instance = path.length() > 200 || FreeText.hasNul(path) || path.toLowerCase().contains("%00")
                ? null
                : path;
        Problem problem = new Problem(URI.create(type.uri().toString()), type.title(), status, detail, instance, errors);
        String body;
        try {
            body = mapper.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        var response = context.response().setStatusCode(status).putHeader("Content-Type", Problem.MEDIA_TYPE);
        if (close) {
            // the client may still be sending what we refuse: do not read it, end the connection after answering
            response.putHeader("Connection", "close");
        }
        response.end(body);
    }
}
