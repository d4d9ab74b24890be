package io.receivables.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole platform with its five services as processes. The services are stand-ins ({@link FakeService}) packaged
 * where the real ones are ({@code <name>-service/target/quarkus-app/quarkus-run.jar}), so this module's tests do
 * not depend on the services being built.
 */
class LocalPlatformTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path dir;

    @Test
    void startsTheServicesAfterTheInfrastructureThenTheirConnectorsRestartsOneServiceAndBringsBackACrashedOne()
            throws Exception {
        Path repoRoot = fakeRepository(dir.resolve("repo"));
        try (LocalPlatform platform = LocalPlatform.builder()
                .repoRoot(repoRoot)
                .dataDir(dir.resolve("data"))
                .randomPorts()
                .serviceJvmOptions(List.of("-Xmx32m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"))
                .shutdownHook(false)
                .statusFile(PlatformStatus.file(dir.resolve("data")))
                // a second dunning replica: its own process and port, the same database
                .replicas("dunning", 2)
                .start()) {
            System.out.println("Local platform with 5 (stand-in) services started: " + platform.startupTimes());

            assertThat(platform.services()).containsExactly("invoicing", "payments", "disputes", "dunning", "dunning-2",
                    "analytics");
            assertThat(platform.registeredConnectors()).containsExactlyInAnyOrder("ar-invoicing-outbox", "ar-payments-outbox",
                    "ar-disputes-outbox", "ar-dunning-outbox");
            for (String service : LocalPlatform.SERVICES) {
                assertThat(get(platform.serviceUrl(service).resolve("/q/health/ready"))).isEqualTo(200);
                String env = body(platform.serviceUrl(service).resolve("/env"));
                assertThat(env).contains("AR_DB_NAME=" + service + "\n", "AR_DB_HOST=127.0.0.1\n",
                        "AR_DB_PORT=" + platform.postgres().port() + "\n", "AR_DB_USER=postgres\n", "AR_DB_PASSWORD=",
                        "AR_KAFKA_BOOTSTRAP=" + platform.kafkaBootstrapServers() + "\n",
                        "QUARKUS_HTTP_PORT=" + platform.serviceUrl(service).getPort() + "\n");
                assertThat(platform.logDir().resolve(service + ".log")).content()
                        .contains("fake " + service + " service listening");
            }

            // the second replica is the same service on its own port, and both send mail and SMS to the platform's own
            assertThat(platform.serviceUrl("dunning-2").getPort()).isNotEqualTo(platform.serviceUrl("dunning").getPort());
            LocalPlatform.Messaging messaging = platform.messaging().orElseThrow();
            for (String dunning : List.of("dunning", "dunning-2")) {
                assertThat(get(platform.serviceUrl(dunning).resolve("/q/health/ready"))).isEqualTo(200);
                assertThat(body(platform.serviceUrl(dunning).resolve("/env"))).contains("AR_DB_NAME=dunning\n",
                        "QUARKUS_MAILER_HOST=127.0.0.1\n", "QUARKUS_MAILER_PORT=" + messaging.smtpPort() + "\n",
                        "QUARKUS_MAILER_MOCK=false\n", "QUARKUS_MAILER_FROM=collections@receivables.local\n",
                        "RECEIVABLES_DUNNING_MAIL_FROM=collections@receivables.local\n",
                        "RECEIVABLES_DUNNING_SMS_BASE_URL=" + messaging.smsUrl() + "\n",
                        "RECEIVABLES_DUNNING_SMS_ACCOUNT_SID=local\n", "RECEIVABLES_DUNNING_SMS_AUTH_TOKEN=local\n",
                        "RECEIVABLES_DUNNING_SMS_FROM=+15550100\n");
            }
            assertThat(body(platform.serviceUrl("invoicing").resolve("/env"))).doesNotContain("QUARKUS_MAILER");
            // the mail server and the SMS receiver run as supervised parts, each in a process of its own
            assertThat(platform.supervisor().get("mail").orElseThrow().snapshot().pid())
                    .isNotEqualTo(ProcessHandle.current().pid());
            assertThat(get(messaging.mailUrl().resolve("/messages"))).isEqualTo(200);
            assertThat(body(messaging.smsUrl().resolve("/messages"))).contains("\"messages\" : [ ]");

            URI analytics = platform.serviceUrl("analytics");
            long pid = platform.service("analytics").handle().orElseThrow().pid();
            platform.stopService("analytics");
            assertThat(platform.service("analytics").isRunning()).isFalse();
            assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
            assertThat(get(analytics.resolve("/q/health/ready"))).isEqualTo(-1);

            platform.startService("analytics");
            assertThat(platform.serviceUrl("analytics")).isEqualTo(analytics);
            assertThat(get(analytics.resolve("/q/health/ready"))).isEqualTo(200);

            Outbox.Row row = Outbox.Row.invoiceIssued("customer-7", "PAY-1");
            try (Connection connection = platform.postgres().connect("payments")) {
                Outbox.insert(connection, row);
            }
            try (TestConsumer consumer = new TestConsumer(platform.kafkaBootstrapServers(), "platform-test",
                    "ar.payments.events")) {
                consumer.pollUntil(records -> TestConsumer.hasEventId(records, row.id()), Duration.ofSeconds(60));
            }

            // a crash (SIGKILL): the supervisor starts the service again on its port, with its environment
            long crashedPid = platform.service("analytics").handle().orElseThrow().pid();
            ProcessHandle.of(crashedPid).orElseThrow().destroyForcibly();
            SupervisedProcess supervised = platform.supervisor().get("analytics").orElseThrow();
            Polling.await("analytics to be restarted", Duration.ofSeconds(60),
                    () -> supervised.state() == SupervisedProcess.State.UP && supervised.snapshot().restarts() == 1);
            assertThat(supervised.snapshot().pid()).isNotEqualTo(crashedPid);
            assertThat(get(analytics.resolve("/q/health/ready"))).isEqualTo(200);
            assertThat(body(analytics.resolve("/env"))).contains("AR_DB_NAME=analytics\n",
                    "AR_DB_PORT=" + platform.postgres().port() + "\n", "QUARKUS_HTTP_PORT=" + analytics.getPort() + "\n");

            // what ./run-local --status shows from another terminal
            Path statusFile = PlatformStatus.file(dir.resolve("data"));
            Polling.await("the status file to show the restart", Duration.ofSeconds(10),
                    () -> PlatformStatus.read(statusFile).parts().contains(PlatformStatus.of(supervised.snapshot())));
            assertThat(PlatformStatus.read(statusFile).parts()).extracting(PlatformStatus.Part::name)
                    .containsExactly("mail", "sms", "postgres", "invoicing", "payments", "disputes", "dunning",
                            "dunning-2", "analytics", "kafka", "connect");
            ByteArrayOutputStream printed = new ByteArrayOutputStream();
            assertThat(PlatformStatus.print(dir.resolve("data"), new PrintStream(printed, true, StandardCharsets.UTF_8)))
                    .isZero();
            assertThat(printed.toString(StandardCharsets.UTF_8))
                    .containsPattern("analytics +UP +" + supervised.snapshot().pid() + " +1 +137  UP "
                            + analytics.resolve("/q/health/ready"))
                    .containsPattern("postgres +UP +\\d+ +0 +- +-");

            List<ProcessHandle> processes = new java.util.ArrayList<>(platform.services().stream()
                    .map(s -> platform.service(s).handle().orElseThrow()).toList());
            for (String part : List.of("mail", "sms")) {
                processes.add(ProcessHandle.of(platform.supervisor().get(part).orElseThrow().snapshot().pid()).orElseThrow());
            }
            platform.close();
            assertThat(processes).noneMatch(ProcessHandle::isAlive);
        }
    }

    /** A repository root whose five services are packaged FakeServices. */
    private static Path fakeRepository(Path root) throws IOException {
        Path testClasses = Path.of(FakeService.class.getProtectionDomain().getCodeSource().getLocation().getPath());
        Path driver = Path.of(org.postgresql.Driver.class.getProtectionDomain().getCodeSource().getLocation().getPath());
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, FakeService.class.getName());
        manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH, testClasses.toUri() + " " + driver.toUri());
        for (String service : LocalPlatform.SERVICES) {
            Path jar = ServiceProcess.quarkusRunJar(root, service);
            Files.createDirectories(jar.getParent());
            try (OutputStream out = Files.newOutputStream(jar); JarOutputStream ignored = new JarOutputStream(out, manifest)) {
                // the manifest is the whole jar
            }
        }
        return root;
    }

    private static int get(URI uri) {
        try {
            return HTTP
                    .send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).build(),
                            HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String body(URI uri) throws Exception {
        return HTTP
                .send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString())
                .body();
    }

}
