package io.receivables.dunning;

import java.util.ArrayList;
import java.util.List;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.receivables.common.testing.AdminEndpointsBadInputContract;
import io.receivables.local.testing.LocalInfraTestResource;

/**
 * The probe's hostile requests against what the dunning service serves: service-common's admin endpoints for consumed
 * events and the read model's view of a customer; each gets a 4xx problem and writes nothing. The service adds its own
 * endpoints' cases here as it grows (see {@link AdminEndpointsBadInputContract}).
 */
@QuarkusTest
@WithTestResource(value = LocalInfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "dunning"))
class DunningBadInputTest extends AdminEndpointsBadInputContract {

    static final String SOME_ID = "3f1c2a94-5d0e-4b7a-9c61-0a2b3c4d5e6f";

    @Override
    protected List<BadRequest> badRequests() {
        List<BadRequest> cases = new ArrayList<>(super.badRequests());
        // dread (issue 12 item 1): the read model's view of a customer
        cases.addAll(List.of(
                BadRequest.get("/customers/" + SOME_ID + "/dunning-state").named("dunning state of no such customer")
                        .expect(404, "not-found", null),
                BadRequest.get("/customers/42/dunning-state").named("customer id not a UUID")
                        .expect(404, "not-found", null),
                BadRequest.get("/customers/" + SOME_ID + "/dunning-state?asOf=yesterday").named("asOf not a date")
                        .rejects("asOf"),
                BadRequest.get("/customers/" + SOME_ID + "/dunning-state?asOf=2026-02-30").named("asOf no such day")
                        .rejects("asOf")));
        return cases;
    }
}
