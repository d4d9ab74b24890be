package io.receivables.local;

import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Runs the whole platform on this machine until Ctrl-C:
 *
 * <pre>
 * java -cp 'deploy/local/target/local-platform-1.0.0-SNAPSHOT.jar:deploy/local/target/lib/*' \
 *      io.receivables.local.PlatformLauncher [--repo-root DIR] [--data-dir DIR] [--fresh]
 *      [--infra-only] [--partitions N] [--status]
 * </pre>
 *
 * {@code --repo-root} defaults to the current directory and {@code --data-dir} to {@code <repo root>/.local-platform}.
 * The data directory is kept between runs (PostgreSQL data, Kafka logs, Connect offsets), so a restart keeps every
 * invoice; {@code --fresh} wipes it first. {@code --infra-only} starts PostgreSQL, Kafka and Connect without the
 * services, and registers each outbox connector as soon as its database has an {@code outbox} table.
 * <p>
 * Every part (PostgreSQL, the Kafka broker, Kafka Connect, each service) runs in a process of its own and is
 * supervised ({@link Supervisor}): a crash is logged and restarted with backoff.
 * The state of every part is kept in {@code <data dir>/run/status.json}; {@code --status} prints it from another
 * terminal, with each service's readiness. Keycloak (KeycloakPart) issues the tokens the services take; the summary
 * printed at start shows how to get one. The dunning service sends its e-mail to a local SMTP server ({@link MailServer})
 * and its SMS to a local receiver ({@link SmsReceiver}); the summary shows where to read them.
 */
public final class PlatformLauncher {

    private PlatformLauncher() {
    }

    public static void main(String[] args) throws InterruptedException {
        Path repoRoot = Path.of("").toAbsolutePath();
        Path dataDir = null;
        boolean fresh = false;
        boolean infraOnly = false;
        boolean status = false;
        int partitions = TopicCatalog.DEFAULT_PARTITIONS;
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--repo-root" -> repoRoot = Path.of(value(args, ++i)).toAbsolutePath();
                    case "--data-dir" -> dataDir = Path.of(value(args, ++i)).toAbsolutePath();
                    case "--fresh" -> fresh = true;
                    case "--infra-only" -> infraOnly = true;
                    case "--status" -> status = true;
                    case "--partitions" -> partitions = Integer.parseInt(value(args, ++i));
                    case "-h", "--help" -> {
                        usage(System.out);
                        return;
                    }
                    default -> throw new IllegalArgumentException("unknown option " + args[i]);
                }
            }
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            usage(System.err);
            System.exit(2);
            return;
        }
        if (dataDir == null) {
            dataDir = repoRoot.resolve(".local-platform");
        }
        if (status) {
            System.exit(PlatformStatus.print(dataDir, System.out));
            return;
        }
        if (fresh) {
            // before the log file is opened: it lives in the data directory
            Files2.deleteRecursively(dataDir);
        }
        LoggingSetup.toFile(dataDir.resolve("logs").resolve("platform.log"));
        System.out.println("Starting the local platform" + (infraOnly ? " (infrastructure only)" : "") + "; data in " + dataDir
                + (fresh ? " (wiped first)" : ""));
        System.out.println("Logs: " + dataDir.resolve("logs"));

        LocalPlatform platform;
        try {
            platform = LocalPlatform.builder()
                    .repoRoot(repoRoot)
                    .dataDir(dataDir)
                    .partitions(partitions)
                    .services(infraOnly ? List.of() : LocalPlatform.SERVICES)
                    .statusFile(PlatformStatus.file(dataDir))
                    // each part can crash and come back alone, as on Kubernetes
                    .ownProcesses(true)
                    // the services' token issuer, also for services run in dev mode next to --infra-only
                    .keycloak(true)
                    .start();
        } catch (RuntimeException e) {
            System.err.println();
            System.err.println("The local platform failed to start: " + e.getMessage());
            System.err.println("See the logs in " + dataDir.resolve("logs"));
            System.exit(1);
            return;
        }

        CountDownLatch stopped = new CountDownLatch(1);
        // the platform's own hook stops it too (also during start-up); close() lets the second caller wait
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println();
            System.out.println("Stopping the local platform...");
            platform.close();
            System.out.println("Stopped. Data kept in " + platform.dataDir());
            stopped.countDown();
        }, "local-platform-shutdown"));

        printSummary(System.out, platform);
        if (infraOnly && !platform.pendingConnectors().isEmpty()) {
            registerWhenReady(platform);
        }
        stopped.await();
    }

    private static void registerWhenReady(LocalPlatform platform) {
        System.out.println("Connectors " + platform.pendingConnectors()
                + " are registered as soon as their database has an outbox table (a service's migrations create it).");
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "connector-registration");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(() -> {
            try {
                List<String> registered = platform.registerConnectors();
                registered.forEach(name -> System.out.println("Connector " + name + " is RUNNING"));
                if (platform.pendingConnectors().isEmpty()) {
                    scheduler.shutdown();
                }
            } catch (RuntimeException e) {
                System.err.println("Could not register connectors yet: " + e.getMessage());
            }
        }, 5, 5, TimeUnit.SECONDS);
    }

    static void printSummary(PrintStream out, LocalPlatform platform) {
        out.println();
        out.println("The local platform is up (" + seconds(platform.startupTimes().get("total")) + "). Ctrl-C stops it.");
        out.println();
        for (String service : platform.services()) {
            URI url = platform.serviceUrl(service);
            out.printf("  %-10s API %s   OpenAPI UI %s   health %s%n", service, url, url.resolve("/q/swagger-ui"),
                    url.resolve("/q/health"));
        }
        if (!platform.services().isEmpty()) {
            out.println();
        }
        out.println("  Kafka         " + platform.kafkaBootstrapServers() + "   topics: " + TopicCatalog.eventTopics());
        platform.kafkaConnectUrl().ifPresent(c -> out.println("  Kafka Connect " + c + "/connectors   outbox connectors: "
                + platform.registeredConnectors()));
        out.println("  PostgreSQL    " + platform.postgres().host() + ":" + platform.postgres().port() + "   user "
                + EmbeddedPostgresServer.USER + ", databases " + platform.postgres().databases().stream()
                        .filter(d -> !d.equals("postgres")).toList()
                + "   e.g. " + platform.jdbcUrl("invoicing"));
        platform.messaging().ifPresent(messaging -> {
            out.println("  Mail (SMTP)   " + messaging.host() + ":" + messaging.smtpPort() + "   sent mail: "
                    + messaging.mailUrl() + "/messages   IMAP " + messaging.host() + ":" + messaging.imapPort()
                    + " (login and password: the recipient's address)");
            out.println("  SMS           " + messaging.smsUrl() + " (Twilio Messages API, account "
                    + SmsReceiver.LOCAL_ACCOUNT_SID + ")   received: " + messaging.smsUrl() + "/messages");
        });
        out.println("  Data          " + platform.dataDir() + "   logs " + platform.logDir());
        platform.keycloak().ifPresent(keycloak -> {
            out.println("  Keycloak      " + keycloak.url() + "/admin   realm " + keycloak.realmUrl()
                    + "   users: one per role (docs/security.md); secrets in " + keycloak.secretsFile());
            out.println();
            out.println("  A token (accountant; any role's user by its name), then a call with it:");
            out.println("    TOKEN=$(" + keycloak.tokenCurl() + ")");
            out.println("    curl -H \"Authorization: Bearer $TOKEN\" " + (platform.services().contains("invoicing")
                    ? platform.serviceUrl("invoicing")
                    : "http://localhost:8081") + "/customers");
        });
        out.println();
    }

    private static String seconds(Duration duration) {
        return duration == null ? "?" : String.format("%.1f s", duration.toMillis() / 1000.0);
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) {
            throw new IllegalArgumentException(args[i - 1] + " needs a value");
        }
        return args[i];
    }

    private static void usage(PrintStream out) {
        out.println(
                "usage: ./run-local [--repo-root DIR] [--data-dir DIR] [--fresh] [--infra-only] [--partitions N] [--status]");
        out.println("  --repo-root DIR   the repository root, with the built services (default: the current directory)");
        out.println("  --data-dir DIR    kept between runs (default: <repo root>/.local-platform)");
        out.println("  --fresh           wipe the data directory first");
        out.println("  --infra-only      PostgreSQL, Kafka and Kafka Connect without the services");
        out.println("  --partitions N    partitions of every event and dead-letter topic (default 6)");
        out.println("  --status          from another terminal: each part's state (STARTING/UP/RESTARTING/FAILED), pid,");
        out.println("                    restarts, last exit code and health, read from <data dir>/run/status.json");
        out.println("Besides the services: a local SMTP server (13025; sent mail at http://127.0.0.1:18025/messages) and an");
        out.println("SMS receiver (http://127.0.0.1:13026/messages) that the dunning service sends to (docs/dunning.md).");
        out.println("Each part runs in its own process; one that crashes is logged with the tail of its log and restarted");
        out.println("after 1 s, 2 s, 4 s ... up to 30 s; after more than 5 crashes within 5 minutes it is left FAILED.");
    }
}
