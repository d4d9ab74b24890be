package io.receivables.common.testapp;

import static io.receivables.common.testapp.IdempotentPostTest.body;
import static io.receivables.common.testapp.SelfTestState.problem;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/**
 * service-common's cursors and query parameters on its own, through a listing: pages follow each other without gap or
 * repeat, and a bad limit or a cursor this API did not issue is a 400 naming the parameter.
 */
@QuarkusTest
@TestProfile(SelfTestProfile.class)
class CursorPagingTest {

    String reference = "PO-" + UUID.randomUUID();

    @Test
    void pagesFollowEachOtherWithoutGapOrRepeat() {
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            created.add(given().contentType("application/json").body(body(reference, "1.00")).post("/tracked-invoices")
                    .then().statusCode(201).extract().path("id"));
        }
        List<String> listed = new ArrayList<>();
        JsonPath first = page(null);
        listed.addAll(first.getList("items.id"));
        JsonPath second = page(first.getString("nextCursor"));
        listed.addAll(second.getList("items.id"));
        JsonPath last = page(second.getString("nextCursor"));
        listed.addAll(last.getList("items.id"));

        assertThat(first.getList("items")).hasSize(2);
        assertThat(last.getList("items")).hasSize(1);
        assertThat(last.getString("nextCursor")).isNull();
        assertThat(listed).containsExactlyElementsOf(created.stream().sorted().toList());
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource({
            "limit, abc",
            "limit, 0",
            "limit, 501",
            "cursor, not-a-cursor",
            "cursor, WyJhIiwiYiJd"
    })
    void aBadLimitOrAForeignCursorIsA400NamingTheParameter(String parameter, String value) {
        given().queryParam("reference", reference).queryParam(parameter, value).get("/tracked-invoices").then()
                .statusCode(400).contentType("application/problem+json")
                .body("type", equalTo(problem("validation")))
                .body("errors[0].field", equalTo(parameter));
    }

    @Test
    void anEmptyListingHasNoNextCursor() {
        given().queryParam("reference", reference).get("/tracked-invoices").then().statusCode(200)
                .body("items.size()", equalTo(0)).body("nextCursor", nullValue());
    }

    private JsonPath page(String cursor) {
        var request = given().queryParam("reference", reference).queryParam("limit", 2);
        if (cursor != null) {
            request.queryParam("cursor", cursor);
        }
        return request.get("/tracked-invoices").then().statusCode(200).extract().jsonPath();
    }
}
