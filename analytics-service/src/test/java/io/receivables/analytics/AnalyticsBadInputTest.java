package io.receivables.analytics;

import static io.receivables.common.testing.BadInputContract.BadRequest.get;

import java.util.ArrayList;
import java.util.List;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.receivables.common.testing.AdminEndpointsBadInputContract;
import io.receivables.local.testing.LocalInfraTestResource;

/**
 * The probe's hostile requests against the analytics service: service-common's admin endpoints for consumed events and
 * the AR summary. Each gets a 4xx problem and writes nothing to the read model or the consumer tables (see
 * {@link AdminEndpointsBadInputContract}); analytics has no outbox, so none is counted.
 */
@QuarkusTest
@WithTestResource(value = LocalInfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "analytics"))
class AnalyticsBadInputTest extends AdminEndpointsBadInputContract {

    @Override
    protected List<BadRequest> badRequests() {
        List<BadRequest> cases = new ArrayList<>(super.badRequests());
        cases.add(get("/ar/summary?currency=EU%00R").named("NUL in a query parameter").rejects("currency"));
        cases.add(get("/ar/summary/%00").named("NUL in the path").rejects("path"));
        return cases;
    }

    @Override
    protected List<String> writtenTables() {
        return List.of("open_item", "inbox", "parked_event", "dead_letter");
    }
}
