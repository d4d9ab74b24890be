package io.receivables.common.testapp;

import static io.restassured.RestAssured.given;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import io.receivables.local.Polling;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/** What the self-test application holds, read over its API or straight from its tables; and the problem types. */
final class SelfTestState {

    static final Duration DEADLINE = Duration.ofSeconds(30);

    private final Pool pool;

    SelfTestState(Pool pool) {
        this.pool = pool;
    }

    static String problem(String slug) {
        return "https://receivables.io/problems/" + slug;
    }

    /** The credited amount of {@code invoice}, or null while it is unknown. */
    static BigDecimal credited(UUID invoice) {
        var response = given().get("/tracked-invoices/{id}", invoice).then().extract();
        return response.statusCode() == 404 ? null : new BigDecimal(response.<String> path("credited"));
    }

    /** Waits until the inbox has recorded {@code eventId}: applied, or parked. */
    void awaitInInbox(UUID eventId) {
        Polling.await("event " + eventId + " in the inbox", DEADLINE,
                () -> count("SELECT count(*) FROM inbox WHERE event_id = $1", eventId) == 1);
    }

    long count(String sql, Object... parameters) {
        return pool.preparedQuery(sql).execute(Tuple.tuple(List.of(parameters))).await().indefinitely()
                .iterator().next().getLong(0);
    }

    void execute(String sql, Object... parameters) {
        pool.preparedQuery(sql).execute(Tuple.tuple(List.of(parameters))).await().indefinitely();
    }
}
