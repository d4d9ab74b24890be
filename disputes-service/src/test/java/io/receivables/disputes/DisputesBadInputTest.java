package io.receivables.disputes;

import java.util.List;
import java.util.Map;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.receivables.common.testing.BadInputContract;
import io.receivables.local.testing.LocalInfraTestResource;

/**
 * The probe's hostile requests against what the disputes service serves so far, service-common's admin endpoints for
 * consumed events (no consumer tables yet): each gets a 4xx problem and writes nothing (see {@link BadInputContract}).
 * The service adds its own endpoints' cases here as it grows.
 */
@QuarkusTest
@WithTestResource(value = LocalInfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "disputes"))
class DisputesBadInputTest extends BadInputContract {

    @Override
    protected List<BadRequest> badRequests() {
        return consumedEventsAdminCases();
    }

    @Override
    protected List<String> writtenTables() {
        return List.of("idempotency_key");
    }

    @Override
    protected Map<String, String> fixtures() {
        return Map.of();
    }

    @Override
    protected String bodyTarget() {
        return "/admin/dead-letters";
    }

    @Override
    protected boolean takesJsonBodies() {
        return false;
    }
}
