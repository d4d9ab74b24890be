package io.receivables.common.testapp;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.receivables.local.testing.LocalInfraTestResource;

/**
 * The local infrastructure (PostgreSQL with the {@code selftest} database, Kafka with the platform's topics) plus the
 * self-test application's own dead-letter topic, which the platform's topic catalogue does not know: the broker does
 * not create topics on first use.
 */
public class SelfTestInfra implements QuarkusTestResourceLifecycleManager {

    static final String SERVICE = "selftest";
    static final String DEAD_LETTER_TOPIC = "ar." + SERVICE + ".dlq";

    private final LocalInfraTestResource infra = new LocalInfraTestResource();

    @Override
    public void init(Map<String, String> initArgs) {
        infra.init(Map.of(LocalInfraTestResource.DATABASE, SERVICE));
    }

    @Override
    public Map<String, String> start() {
        Map<String, String> config = infra.start();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                config.get("kafka.bootstrap.servers")))) {
            admin.createTopics(List.of(new NewTopic(DEAD_LETTER_TOPIC, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            infra.stop();
            throw new IllegalStateException("interrupted while creating " + DEAD_LETTER_TOPIC, e);
        } catch (ExecutionException | TimeoutException e) {
            infra.stop();
            throw new IllegalStateException("could not create " + DEAD_LETTER_TOPIC, e);
        }
        return config;
    }

    @Override
    public void stop() {
        infra.stop();
    }
}
