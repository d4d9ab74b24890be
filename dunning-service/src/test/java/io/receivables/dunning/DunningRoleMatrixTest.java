package io.receivables.dunning;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.receivables.common.testing.RoleMatrixContract;
import io.receivables.local.testing.LocalInfraTestResource;

/** Every operation of the dunning service, for every role, as security/role-matrix.properties says (docs/security.md). */
@QuarkusTest
@WithTestResource(value = LocalInfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "dunning"))
class DunningRoleMatrixTest extends RoleMatrixContract {
}
