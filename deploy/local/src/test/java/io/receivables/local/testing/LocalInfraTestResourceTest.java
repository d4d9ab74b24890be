package io.receivables.local.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.junit.jupiter.api.Test;

import io.receivables.local.TopicCatalog;

class LocalInfraTestResourceTest {

    @Test
    void startsPostgresAndKafkaInAChildJvmAndStopsItWithoutTrace() throws Exception {
        LocalInfraTestResource resource = new LocalInfraTestResource();
        resource.init(Map.of(LocalInfraTestResource.DATABASE, "payments"));
        long started = System.nanoTime();
        Map<String, String> config = resource.start();
        Duration startup = Duration.ofNanos(System.nanoTime() - started);
        Process child = resource.process();
        Path dataDir = Path.of(resource.readyProperties().getProperty("data.dir"));
        try {
            System.out.println("LocalInfraTestResource ready in " + startup.toMillis() + " ms");
            assertThat(startup).isLessThan(Duration.ofSeconds(60));
            assertThat(config).containsOnlyKeys("quarkus.datasource.username", "quarkus.datasource.password",
                    "quarkus.datasource.reactive.url", "quarkus.datasource.jdbc.url", "kafka.bootstrap.servers",
                    LocalInfraTestResource.CONTROL_FILE);
            assertThat(config.get("quarkus.datasource.reactive.url")).matches("postgresql://127\\.0\\.0\\.1:\\d+/payments");
            assertThat(config.get("quarkus.datasource.jdbc.url"))
                    .isEqualTo("jdbc:" + config.get("quarkus.datasource.reactive.url"));
            assertThat(child.pid()).isNotEqualTo(ProcessHandle.current().pid());

            try (Connection connection = DriverManager.getConnection(config.get("quarkus.datasource.jdbc.url"),
                    config.get("quarkus.datasource.username"), config.get("quarkus.datasource.password"));
                    Statement statement = connection.createStatement();
                    ResultSet rs = statement.executeQuery("SELECT current_database(), current_setting('wal_level')")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("payments");
                assertThat(rs.getString(2)).isEqualTo("logical");
            }

            // a test can take the database away and bring it back, same port, same data
            try (Connection connection = connect(config); Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE survives_restart (id INT); INSERT INTO survives_restart VALUES (42)");
            }
            InfraControl control = InfraControl.at(config.get(LocalInfraTestResource.CONTROL_FILE));
            control.stopPostgres();
            assertThatThrownBy(() -> connect(config).close()).isInstanceOf(java.sql.SQLException.class);
            control.startPostgres();
            try (Connection connection = connect(config);
                    Statement statement = connection.createStatement();
                    ResultSet rs = statement.executeQuery("SELECT id FROM survives_restart")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getInt(1)).isEqualTo(42);
            }

            try (Admin admin = Admin
                    .create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, config.get("kafka.bootstrap.servers")))) {
                Map<String, TopicDescription> topics = admin.describeTopics(TopicCatalog.coPartitioned(6).keySet())
                        .allTopicNames().get(30, TimeUnit.SECONDS);
                assertThat(topics.values()).allSatisfy(t -> assertThat(t.partitions()).hasSize(6));
            }
        } finally {
            resource.stop();
        }
        assertThat(child.isAlive()).isFalse();
        assertThat(child.exitValue()).isZero();
        assertThat(dataDir).as("the ephemeral data directory is deleted").doesNotExist();
        assertThat(Files.exists(Path.of("target", "local-infra-payments.log"))).isTrue();
    }

    private static Connection connect(Map<String, String> config) throws java.sql.SQLException {
        return DriverManager.getConnection(config.get("quarkus.datasource.jdbc.url"),
                config.get("quarkus.datasource.username"), config.get("quarkus.datasource.password"));
    }

    @Test
    void buildsTheChildClassPathFromTheGeneratedFileAndItsOwnClasses() {
        String classPath = LocalInfraTestResource.classPath();
        String[] entries = classPath.split(java.io.File.pathSeparator);
        assertThat(entries)
                .anyMatch(entry -> entry.contains("kafka_2.13"))
                .anyMatch(entry -> entry.contains("connect-runtime"))
                .noneMatch(entry -> entry.contains("quarkus-core"));
        assertThat(Path.of(entries[0], "io", "receivables", "local", "InfraMain.class")).exists();
    }
}
