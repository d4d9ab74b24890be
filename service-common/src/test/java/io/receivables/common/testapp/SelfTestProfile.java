package io.receivables.common.testapp;

import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * The self-test application's configuration, in code rather than an application.properties: service-common's
 * test-jar goes to every service's tests, and a properties file there would configure them too. Every self-test uses
 * this one profile, so Quarkus and the infrastructure start once per test JVM.
 */
public class SelfTestProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "quarkus.application.name", "service-common-selftest",
                "quarkus.liquibase.change-log", "testapp/changelog.xml",
                "quarkus.smallrye-openapi.info-title", "service-common self-test",
                // its OpenAPI document is nobody's contract: keep it out of target/openapi
                "quarkus.smallrye-openapi.store-schema-directory", "target/selftest-openapi",
                "receivables.service-name", SelfTestInfra.SERVICE,
                "receivables.security.role-matrix", SelfTestRoleMatrixTest.MATRIX,
                "mp.messaging.incoming.invoicing-events.topic", TestEvents.TOPIC,
                "mp.messaging.incoming.invoicing-events.group.id", SelfTestInfra.SERVICE + ".invoicing-events");
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(SelfTestInfra.class));
    }
}
