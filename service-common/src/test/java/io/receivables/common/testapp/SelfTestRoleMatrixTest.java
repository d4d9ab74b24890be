package io.receivables.common.testapp;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.receivables.common.testing.RoleMatrixContract;

/** service-common's authentication and role matrix on the self-test application, without any service. */
@QuarkusTest
@TestProfile(SelfTestProfile.class)
class SelfTestRoleMatrixTest extends RoleMatrixContract {

    static final String MATRIX = "testapp/role-matrix.properties";

    @Override
    protected String serviceMatrix() {
        return MATRIX;
    }
}
