package io.receivables.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.GroupListing;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.receivables.local.testing.LocalInfraTestResource;

/** Each consumer channel is its own consumer group, named {@code <service>.<channel>}, as the broker sees it. */
@QuarkusTest
@WithTestResource(value = LocalInfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "analytics"))
class ConsumerGroupsTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void eachChannelHasItsOwnConsumerGroup() {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
                Set<String> groups = admin.listGroups().all().get(10, TimeUnit.SECONDS).stream()
                        .map(GroupListing::groupId).collect(Collectors.toSet());
                assertThat(groups).contains("analytics.invoicing-events", "analytics.payments-events")
                        .doesNotContain("analytics-service");
            });
        }
    }
}
