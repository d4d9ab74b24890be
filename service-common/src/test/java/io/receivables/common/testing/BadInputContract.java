package io.receivables.common.testing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * Hostile input, as a probe sends it, must get a clear 4xx as problem+json naming the field, and must write nothing.
 * Each service's test extends this with {@code @QuarkusTest}, lists its bad requests per endpoint
 * ({@link #badRequests()}) and the tables its writes touch ({@link #writtenTables()}); every case then checks status,
 * problem type and field, that no 5xx happened, and that the row counts of those tables (and the outbox) did not move.
 * The HTTP-level cases (413, 414, a NUL in the query) need no service knowledge and run for every service as they are,
 * as do those that pin what the HTTP decoder answers itself (an empty 400, 414 or 431: docs/api-limits.md).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class BadInputContract {

    protected static final String PROBLEMS = "https://receivables.io/problems/";

    @Inject
    protected Pool pool;

    /**
     * One bad request and what it must get. {@code path}, {@code body} and header values may name fixtures as
     * {@code ${name}}, replaced from {@link #fixtures()} when the case runs.
     */
    public record BadRequest(String name, String method, String path, Map<String, String> headers, String contentType,
            String body, int status, String problemType, String field) {

        public static BadRequest get(String path) {
            return new BadRequest("GET " + path, "GET", path, Map.of(), null, null, 0, null, null);
        }

        public static BadRequest post(String path, String body) {
            return new BadRequest("POST " + path, "POST", path, Map.of(), "application/json", body, 0, null, null);
        }

        public static BadRequest put(String path, String body) {
            return new BadRequest("PUT " + path, "PUT", path, Map.of(), "application/json", body, 0, null, null);
        }

        /** What this case probes, shown as the test's name. */
        public BadRequest named(String what) {
            return new BadRequest(method + " " + path + ": " + what, method, path, headers, contentType, body, status,
                    problemType, field);
        }

        public BadRequest header(String header, String value) {
            Map<String, String> more = new LinkedHashMap<>(headers);
            more.put(header, value);
            return new BadRequest(name, method, path, more, contentType, body, status, problemType, field);
        }

        public BadRequest contentType(String type) {
            return new BadRequest(name, method, path, headers, type, body, status, problemType, field);
        }

        /** The status, the problem type's slug ({@code validation}) and the field the problem must name (or null). */
        public BadRequest expect(int expectedStatus, String slug, String expectedField) {
            return new BadRequest(name, method, path, headers, contentType, body, expectedStatus, slug, expectedField);
        }

        /** 400 {@code validation} naming {@code expectedField}. */
        public BadRequest rejects(String expectedField) {
            return expect(400, "validation", expectedField);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /** The service's bad requests, per endpoint. */
    protected abstract List<BadRequest> badRequests();

    /** The tables the service writes (the outbox is added), whose row counts a bad request must not change. */
    protected abstract List<String> writtenTables();

    /** Ids and ETags the cases refer to as {@code ${name}}; created once, on first use. */
    protected abstract Map<String, String> fixtures();

    Stream<BadRequest> cases() {
        return badRequests().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void aBadRequestGetsAClear4xxAndWritesNothing(BadRequest bad) {
        Map<String, String> fixtures = fixtures();
        Map<String, Long> before = rowCounts();

        RequestSpecification request = given().urlEncodingEnabled(false);
        bad.headers().forEach((header, value) -> request.header(header, resolve(value, fixtures)));
        if (bad.body() != null) {
            request.contentType(bad.contentType()).body(resolve(bad.body(), fixtures).getBytes(StandardCharsets.UTF_8));
        }
        Response response = request.request(bad.method(), resolve(bad.path(), fixtures));

        String body = response.asString();
        assertThat(response.statusCode()).as("status of %s; body %s", bad, body).isEqualTo(bad.status());
        assertThat(response.contentType()).as("content type of %s", bad).startsWith("application/problem+json");
        JsonPath problem = JsonPath.from(body);
        assertThat(problem.getString("type")).as("problem type of %s; body %s", bad, body)
                .isEqualTo(PROBLEMS + bad.problemType());
        assertThat(problem.getInt("status")).isEqualTo(bad.status());
        if (bad.field() != null) {
            assertThat(problem.getList("errors.field", String.class)).as("fields named by %s; body %s", bad, body)
                    .contains(bad.field());
        }
        assertThat(rowCounts()).as("row counts after %s", bad).isEqualTo(before);
    }

    @Test
    void aUriLongerThanTheLimitIs414ProblemJson() throws IOException {
        String path = "/no-such-resource?filter=" + "a".repeat(9000);
        RawResponse response = raw("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        assertThat(response.status()).as(response.text()).isEqualTo(414);
        assertThat(response.text()).contains("application/problem+json").contains(PROBLEMS + "uri-too-long");
    }

    @Test
    void aBodyLargerThanTheLimitIs413ProblemJsonAndIsNotRead() throws IOException {
        Map<String, Long> before = rowCounts();
        // the body is declared, not sent: the service must answer from the header alone
        RawResponse response = raw("POST " + bodyTarget() + " HTTP/1.1\r\nHost: localhost\r\n"
                + "Content-Type: application/json\r\nContent-Length: 104857600\r\n\r\n{");
        assertThat(response.status()).as(response.text()).isEqualTo(413);
        assertThat(response.text()).contains("application/problem+json").contains(PROBLEMS + "payload-too-large");
        assertThat(rowCounts()).isEqualTo(before);
    }

    /** Past Vert.x's default request-line limit (4 KiB; 64 KiB before), which would answer an empty 414 itself. */
    @Test
    void aUriOf70KiBIs414ProblemJson() throws IOException {
        String path = "/no-such-resource?filter=" + "a".repeat(70 * 1024);
        RawResponse response = raw("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        assertThat(response.status()).as(response.text()).isEqualTo(414);
        assertThat(response.text()).contains("application/problem+json").contains(PROBLEMS + "uri-too-long");
    }

    /** Without Content-Length the size is only known while reading: past the limit, still a 413 problem+json. */
    @Test
    void aChunkedBodyLargerThanTheLimitIs413ProblemJson() throws IOException {
        Map<String, Long> before = rowCounts();
        String chunk = "a".repeat(1024 * 1024);
        StringBuilder request = new StringBuilder("POST " + bodyTarget() + " HTTP/1.1\r\nHost: localhost\r\n"
                + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n");
        request.append("1\r\n\"\r\n");
        for (int i = 0; i < 11; i++) {
            request.append(Integer.toHexString(chunk.length())).append("\r\n").append(chunk).append("\r\n");
        }
        request.append("1\r\n\"\r\n0\r\n\r\n");
        RawResponse response = raw(request.toString());
        assertThat(response.status()).as(response.text()).isEqualTo(413);
        assertThat(response.text()).contains("application/problem+json").contains(PROBLEMS + "payload-too-large");
        assertThat(rowCounts()).isEqualTo(before);
    }

    /** A chunked body within the limit still reaches the resource whole: its duplicate key is found and named. */
    @Test
    void aChunkedBodyWithinTheLimitIsRead() throws IOException {
        assumeTrue(takesJsonBodies(), "no endpoint of this service takes a JSON body yet");
        String body = "{\"probe\": 1, \"probe\": 2}";
        RawResponse response = raw("POST " + bodyTarget() + " HTTP/1.1\r\nHost: localhost\r\n"
                + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
                + Integer.toHexString(body.length()) + "\r\n" + body + "\r\n0\r\n\r\n");
        assertThat(response.status()).as(response.text()).isEqualTo(400);
        assertThat(response.text()).contains("application/problem+json").contains("\"probe\"");
    }

    @Test
    void aBodyOfAnotherMediaTypeIs415ProblemJson() {
        assumeTrue(takesJsonBodies(), "no endpoint of this service takes a JSON body yet");
        Map<String, Long> before = rowCounts();
        given().contentType("text/plain").body("hello").when().post(bodyTarget()).then().statusCode(415)
                .contentType("application/problem+json")
                .body("type", org.hamcrest.Matchers.equalTo(PROBLEMS + "unsupported-media-type"));
        assertThat(rowCounts()).isEqualTo(before);
    }

    @Test
    void aNulInAQueryParameterIs400NamingIt() {
        given().urlEncodingEnabled(false).when().get(bodyTarget() + "?limit=1&anything=a%00b").then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", org.hamcrest.Matchers.equalTo(PROBLEMS + "validation"))
                .body("errors.field", org.hamcrest.Matchers.hasItem("anything"));
    }

    /**
     * A request Vert.x's HTTP/1.1 decoder refuses before any route, guard or exception mapper runs, and the status line
     * it answers with. {@code request} is sent as raw bytes: HTTP clients refuse to send such headers.
     */
    public record DecoderRefusal(String name, String request, String statusLine) {

        @Override
        public String toString() {
            return name;
        }
    }

    /**
     * What the HTTP server refuses itself (docs/api-limits.md, "What the HTTP server answers itself"): a header value
     * with a control character other than tab, a header name that is not a token, a header line without a colon, a
     * request line over 1 MiB, headers over 20 KiB in all.
     */
    Stream<DecoderRefusal> decoderRefusals() {
        String target = bodyTarget();
        return Stream.of(
                refusedHeaderLine("SOH (U+0001) in a header value", "X-Probe: a\u0001b", target),
                refusedHeaderLine("NUL (U+0000) in a header value", "X-Probe: a\u0000b", target),
                refusedHeaderLine("DEL (U+007F) in a header value", "X-Probe: a\u007Fb", target),
                refusedHeaderLine("a bare CR inside a header value", "X-Probe: a\rb", target),
                refusedHeaderLine("a control character in a header name", "X-Pro\u0001be: a", target),
                refusedHeaderLine("a separator in a header name", "X-(Probe): a", target),
                refusedHeaderLine("whitespace between header name and colon", "X-Probe : a", target),
                refusedHeaderLine("a header line without a colon", "X-Probe a", target),
                // the decoder gives up before it knows the request's version, so it answers as HTTP/1.0
                new DecoderRefusal("a request line over 1 MiB", "GET " + target + "?filter=" + "a".repeat(1024 * 1024)
                        + " HTTP/1.1\r\nHost: localhost\r\n\r\n", "HTTP/1.0 414 Request-URI Too Long"),
                new DecoderRefusal("headers over 20 KiB in all", "GET " + target + " HTTP/1.1\r\nHost: localhost\r\n"
                        + "X-Probe: " + "a".repeat(21 * 1024) + "\r\n\r\n", "HTTP/1.1 431 Request Header Fields Too Large"));
    }

    private static DecoderRefusal refusedHeaderLine(String name, String line, String target) {
        return new DecoderRefusal(name, "GET " + target + " HTTP/1.1\r\nHost: localhost\r\n" + line + "\r\n\r\n",
                "HTTP/1.1 400 Bad Request");
    }

    /**
     * Pins what the client gets today for a request the HTTP decoder refuses: Vert.x's default invalid-request handler
     * answers a status line and {@code content-length: 0}, nothing else (no problem+json: Quarkus 3.32 offers no
     * supported way to install another handler, see docs/api-limits.md), then closes the connection. Nothing is
     * written and the service goes on serving. If a Quarkus or Vert.x upgrade changes this answer, this test fails:
     * then make the answer problem+json with HttpEdgeGuard's types and turn this into a check of that.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("decoderRefusals")
    void aRequestTheHttpDecoderRefusesGetsABodilessStatusAndAClosedConnection(DecoderRefusal refusal)
            throws IOException {
        Map<String, Long> before = rowCounts();

        Exchange exchange = exchange(refusal.request());

        assertThat(exchange.received()).as("answer to %s", refusal)
                .isEqualTo(refusal.statusLine() + "\r\ncontent-length: 0\r\n\r\n");
        assertThat(exchange.closedByService()).as("connection closed by the service after %s", refusal).isTrue();
        assertThat(rowCounts()).as("row counts after %s", refusal).isEqualTo(before);
        given().when().get("/q/health/live").then().statusCode(200);
        given().when().get(bodyTarget()).then().statusCode(org.hamcrest.Matchers.lessThan(500));
    }

    /** A path that takes a POST with a JSON body (and a GET), for the HTTP-level cases. */
    protected abstract String bodyTarget();

    /**
     * Whether {@link #bodyTarget()} really reads a JSON body. A service whose only endpoints so far are the admin ones
     * (GET, and POSTs without a body) says false: the cases about reading a body then do not apply to it yet.
     */
    protected boolean takesJsonBodies() {
        return true;
    }

    protected Map<String, Long> rowCounts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        // the outbox where the service has one: a service that publishes nothing leaves it out (docs/service-common.md)
        Stream<String> outbox = tableExists("outbox") ? Stream.of("outbox") : Stream.empty();
        for (String table : Stream.concat(writtenTables().stream(), outbox).distinct().toList()) {
            counts.put(table, pool.query("SELECT count(*) FROM " + table).execute().await().indefinitely().iterator()
                    .next().getLong(0));
        }
        return counts;
    }

    private boolean tableExists(String table) {
        return pool.preparedQuery("SELECT to_regclass($1) IS NOT NULL").execute(io.vertx.mutiny.sqlclient.Tuple.of(table))
                .await().indefinitely().iterator().next().getBoolean(0);
    }

    /**
     * The bad requests every service's consumed-events admin endpoints (service-common's {@code /admin/dead-letters} and
     * {@code /admin/parked-events}) must refuse, whether or not the service has consumer tables: an id that is not a
     * UUID (no such dead letter), a NUL in the path or a query parameter, a flag that is neither true nor false, and a
     * URI beyond the limit.
     */
    protected static List<BadRequest> consumedEventsAdminCases() {
        String someId = "3f1c2a94-5d0e-4b7a-9c61-0a2b3c4d5e6f";
        return List.of(
                BadRequest.post("/admin/dead-letters/not-a-uuid/replay", null).named("id not a UUID")
                        .expect(404, "not-found", null),
                BadRequest.post("/admin/dead-letters/" + someId + "%00/replay", null).named("NUL in the id")
                        .rejects("path"),
                BadRequest.get("/admin/dead-letters?includeReplayed=abc").named("flag neither true nor false")
                        .rejects("includeReplayed"),
                BadRequest.get("/admin/dead-letters?includeReplayed=1").named("flag as a number")
                        .rejects("includeReplayed"),
                BadRequest.get("/admin/dead-letters?includeReplayed=tr%00ue").named("NUL in a query parameter")
                        .rejects("includeReplayed"),
                BadRequest.get("/admin/parked-events?anything=a%00b").named("NUL in an unknown query parameter")
                        .rejects("anything"),
                BadRequest.get("/admin/parked-events/%00").named("NUL in the path").rejects("path"),
                // the audit log (every service): filters and paging parameters are read strictly
                BadRequest.get("/audit?from=yesterday").named("from not an instant").rejects("from"),
                BadRequest.get("/audit?to=2026-11-23T10:00:00%2B01:00").named("to not in UTC").rejects("to"),
                BadRequest.get("/audit?from=2026-11-23T10:00:00Z&to=2026-11-23T09:00:00Z").named("to before from")
                        .rejects("to"),
                BadRequest.get("/audit?limit=0").named("limit 0").rejects("limit"),
                BadRequest.get("/audit?cursor=not-a-cursor").named("a cursor this API did not issue").rejects("cursor"),
                BadRequest.get("/audit?entityId=" + "a".repeat(65)).named("entityId longer than stored").rejects("entityId"),
                BadRequest.get("/audit?actor=a%00b").named("NUL in actor").rejects("actor"),
                new BadRequest("GET /admin/dead-letters?includeReplayed=aaa… (9,000 characters): URI too long", "GET",
                        "/admin/dead-letters?includeReplayed=" + "a".repeat(9000), Map.of(), null, null, 414,
                        "uri-too-long", null),
                new BadRequest("POST /admin/dead-letters/aaa… (9,000 characters)/replay: path too long", "POST",
                        "/admin/dead-letters/" + "a".repeat(9000) + "/replay", Map.of(), null, null, 414,
                        "uri-too-long", null));
    }

    private static String resolve(String text, Map<String, String> fixtures) {
        String resolved = text;
        for (Map.Entry<String, String> fixture : fixtures.entrySet()) {
            resolved = resolved.replace("${" + fixture.getKey() + "}", fixture.getValue());
        }
        return resolved;
    }

    /** A status line and everything after it, as the service sent it. */
    protected record RawResponse(int status, String text) {
    }

    /** Sends {@code request} as it is, bytes the HTTP clients would refuse to send included. */
    protected static RawResponse raw(String request) throws IOException {
        return rawAuthenticated(withAdminToken(request));
    }

    /**
     * The request with an {@code ar-admin} test token after its request line, unless it sends an
     * {@code Authorization} header itself (as RestAssured requests get one: AdminTokenByDefault).
     */
    public static String withAdminToken(String request) {
        int endOfRequestLine = request.indexOf("\r\n");
        if (endOfRequestLine < 0 || request.toLowerCase().contains("\r\nauthorization:")) {
            return request;
        }
        return request.substring(0, endOfRequestLine + 2) + "Authorization: "
                + TestTokens.bearer(io.receivables.common.security.Roles.AR_ADMIN) + "\r\n"
                + request.substring(endOfRequestLine + 2);
    }

    private static RawResponse rawAuthenticated(String request) throws IOException {
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            socket.setSoTimeout(20_000);
            // written while the answer is read: a service that refuses early may close before the last byte arrives
            Thread writer = Thread.ofVirtual().start(() -> {
                try {
                    OutputStream out = socket.getOutputStream();
                    out.write(request.getBytes(StandardCharsets.ISO_8859_1));
                    out.flush();
                } catch (IOException closedEarly) {
                    // the answer, read below, says why
                }
            });
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            int read;
            try {
                while ((read = in.read(buffer)) != -1) {
                    received.write(buffer, 0, read);
                    if (complete(received.toString(StandardCharsets.UTF_8))) {
                        break;
                    }
                }
            } catch (java.net.SocketException reset) {
                // the service may close the connection right after answering
            }
            writer.interrupt();
            String text = received.toString(StandardCharsets.UTF_8);
            if (!text.startsWith("HTTP/1.")) {
                return new RawResponse(0, text);
            }
            return new RawResponse(Integer.parseInt(text.substring(9, 12)), text);
        }
    }

    /** Everything the service sent, and whether it then closed the connection (rather than leaving it open). */
    protected record Exchange(String received, boolean closedByService) {
    }

    /**
     * Sends {@code request} as it is and reads until the service closes the connection, or until it has been silent
     * for 10 s with the connection open.
     */
    protected static Exchange exchange(String plainRequest) throws IOException {
        String request = withAdminToken(plainRequest);
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            socket.setSoTimeout(10_000);
            Thread writer = Thread.ofVirtual().start(() -> {
                try {
                    OutputStream out = socket.getOutputStream();
                    out.write(request.getBytes(StandardCharsets.ISO_8859_1));
                    out.flush();
                } catch (IOException closedEarly) {
                    // the service stopped reading: what it answered is read below
                }
            });
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            boolean closed;
            try {
                int read;
                while ((read = in.read(buffer)) != -1) {
                    received.write(buffer, 0, read);
                }
                closed = true;
            } catch (java.net.SocketTimeoutException stillOpen) {
                closed = false;
            } catch (java.net.SocketException reset) {
                closed = true; // closed while our request was still arriving: the kernel answers that with a reset
            }
            writer.interrupt();
            return new Exchange(received.toString(StandardCharsets.ISO_8859_1), closed);
        }
    }

    /** True once the headers and as many body bytes as Content-Length says have arrived. */
    private static boolean complete(String text) {
        int end = text.indexOf("\r\n\r\n");
        if (end < 0) {
            return false;
        }
        java.util.regex.Matcher length = java.util.regex.Pattern.compile("(?i)content-length: *(\\d+)")
                .matcher(text.substring(0, end));
        return length.find() && text.length() - end - 4 >= Integer.parseInt(length.group(1));
    }
}
