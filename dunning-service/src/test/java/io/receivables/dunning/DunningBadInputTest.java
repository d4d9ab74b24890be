package io.receivables.dunning;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.receivables.common.testing.AdminEndpointsBadInputContract;
import io.receivables.local.testing.LocalInfraTestResource;

/**
 * The probe's hostile requests against what the dunning service serves so far, service-common's admin endpoints for
 * consumed events (no consumer tables yet): each gets a 4xx problem and writes nothing. The service adds its own
 * endpoints' cases here as it grows (see {@link AdminEndpointsBadInputContract}).
 */
@QuarkusTest
@WithTestResource(value = LocalInfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "dunning"))
class DunningBadInputTest extends AdminEndpointsBadInputContract {
}
