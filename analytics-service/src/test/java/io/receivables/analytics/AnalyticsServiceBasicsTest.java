package io.receivables.analytics;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.receivables.common.testing.ServiceBasicsContract;
import io.receivables.local.testing.LocalInfraTestResource;

@QuarkusTest
@WithTestResource(value = LocalInfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "analytics"))
class AnalyticsServiceBasicsTest extends ServiceBasicsContract {
}
