package io.receivables.invoicing.idempotency;

import static io.restassured.RestAssured.given;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.receivables.common.security.Roles;
import io.receivables.common.testing.TestTokens;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/** Requests and row counts shared by the Idempotency-Key tests. */
@ApplicationScoped
public class IdempotencyFixtures {

    @Inject
    Pool pool;

    static String customerBody() {
        return """
                {"legalName": "Customer %s", "currency": "EUR", "paymentTerms": {"type": "NET", "days": 30}}"""
                .formatted(System.nanoTime());
    }

    static String registerCustomer() {
        return post("/customers", null, customerBody()).then().statusCode(201).extract().path("id");
    }

    static String invoiceBody(String customerId, String poNumber) {
        return """
                {"customerId": "%s", "issueDate": "2026-04-01", "poNumber": "%s",
                 "lines": [{"description": "Consulting", "quantity": "3", "unitPrice": "33.335", "taxRate": "0.21"}]}"""
                .formatted(customerId, poNumber);
    }

    static Response post(String path, String key, String body) {
        RequestSpecification request = given().contentType(ContentType.JSON).body(body);
        if (key != null) {
            request = request.header("Idempotency-Key", key);
        }
        return request.when().post(path);
    }

    static ExtractableResponse<Response> postInvoice(String key, String body) {
        return post("/invoices", key, body).then().extract();
    }

    /**
     * POSTs with the key's exact bytes on the wire (an HTTP client library would drop an empty header or mangle
     * non-ASCII characters before they reach the service); returns the status line and the body.
     */
    static String rawPost(String path, byte[] key, String body) throws IOException {
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            socket.setSoTimeout(30_000);
            byte[] json = body.getBytes(StandardCharsets.UTF_8);
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                    + "Authorization: " + TestTokens.bearer(Roles.AR_ADMIN) + "\r\n"
                    + "Content-Type: application/json\r\nContent-Length: " + json.length + "\r\nIdempotency-Key: ")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(key);
            out.write("\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.write(json);
            out.flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    long keyRecords(String key) {
        return count("SELECT count(*) FROM idempotency_key WHERE key = $1", key);
    }

    long invoicesOf(String customerId) {
        return count("SELECT count(*) FROM invoice WHERE customer_id = $1::uuid", customerId);
    }

    long invoiceIssuedEventsOf(String customerId) {
        return count("SELECT count(*) FROM outbox WHERE customer_id = $1 AND type = 'invoice-issued'", customerId);
    }

    private long count(String sql, String parameter) {
        return pool.preparedQuery(sql).execute(Tuple.of(parameter)).await().indefinitely().iterator().next().getLong(0);
    }
}
