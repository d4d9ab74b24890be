package io.receivables.common.testing;

import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;
import io.receivables.common.security.Roles;
import io.restassured.RestAssured;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;

/**
 * Every RestAssured request of a {@code @QuarkusTest} that sends no {@code Authorization} header of its own gets an
 * {@code ar-admin} test token, so that tests about something else than roles need not think of them. A test about
 * authentication sends its own header, or none at all with {@code given().noFilters()}. Registered as a Quarkus test
 * callback (META-INF/services) by service-common's test-jar.
 */
public class AdminTokenByDefault implements QuarkusTestBeforeEachCallback {

    static final Filter FILTER = new AdminToken();

    @Override
    public void beforeEach(QuarkusTestMethodContext context) {
        if (!RestAssured.filters().contains(FILTER)) {
            RestAssured.filters(FILTER);
        }
    }

    private static final class AdminToken implements Filter {

        private final String header = TestTokens.bearer(Roles.AR_ADMIN);

        @Override
        public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification response,
                FilterContext context) {
            if (!request.getHeaders().hasHeaderWithName("Authorization")) {
                request.header("Authorization", header);
            }
            return context.next(request, response);
        }
    }
}
