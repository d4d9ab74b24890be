package io.receivables.local;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;

/**
 * The infrastructure alone (PostgreSQL with some databases, the Kafka broker with every topic, optionally Kafka
 * Connect), for tests: {@code LocalInfraTestResource} runs it in a child JVM.
 *
 * <pre>
 * java -cp &lt;class path&gt; io.receivables.local.InfraMain [--ephemeral | --data-dir DIR] [--database DB]...
 *      [--partitions N] [--postgres-port P] [--kafka-port P] [--with-connect] [--ready-file FILE] [--log-file FILE]
 *      [--ignore-stdin] [--control-file FILE]
 * </pre>
 *
 * Ports default to free ones. Once everything is up it writes {@code --ready-file} (a properties file:
 * {@code postgres.host}, {@code postgres.port}, {@code postgres.user}, {@code postgres.password},
 * {@code kafka.bootstrap.servers}, {@code connect.url}, {@code data.dir}), atomically. It stops, and exits, when its
 * standard input closes (so it never outlives the process that started it; it then deletes the ready file) or on
 * SIGTERM. {@code --ephemeral} uses
 * a new temporary data directory, deleted at exit; {@code --log-file} puts the infrastructure's log elsewhere than
 * {@code <data dir>/logs/platform.log}. {@code --control-file} lets a test stop and start PostgreSQL while it runs
 * ({@link InfraControlWatcher}).
 */
public final class InfraMain {

    private InfraMain() {
    }

    public static void main(String[] args) throws Exception {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(
                    "usage: InfraMain [--ephemeral | --data-dir DIR] [--database DB]... [--partitions N] [--postgres-port P]"
                            + " [--kafka-port P] [--with-connect] [--ready-file FILE] [--log-file FILE] [--ignore-stdin]"
                            + " [--control-file FILE]");
            System.exit(2);
            return;
        }
        Path dataDir = options.ephemeral ? Files.createTempDirectory("ar-local-infra-") : options.dataDir.toAbsolutePath();
        LoggingSetup.toFile(options.logFile != null ? options.logFile : dataDir.resolve("logs").resolve("platform.log"));

        LocalPlatform platform;
        try {
            platform = LocalPlatform.builder()
                    .dataDir(dataDir)
                    .fresh(options.ephemeral)
                    .deleteDataDirOnClose(options.ephemeral)
                    .services(List.of())
                    .databases(options.databases.isEmpty() ? LocalPlatform.SERVICES : options.databases)
                    .partitions(options.partitions)
                    .ports(Ports.random().withPostgres(options.postgresPort).withKafka(options.kafkaPort))
                    .connect(options.withConnect)
                    // a service's tests bring their own SMTP server (GreenMail in the test) when they need one
                    .messaging(false)
                    .start();
        } catch (RuntimeException e) {
            System.err.println("Infrastructure failed to start: " + e);
            e.printStackTrace();
            if (options.ephemeral) {
                Files2.deleteRecursively(dataDir);
            }
            System.exit(1);
            return;
        }

        if (options.readyFile != null) {
            writeReadyFile(options.readyFile, platform);
            options.readyFile.toFile().deleteOnExit();
        }
        System.out.println("Infrastructure ready: PostgreSQL " + platform.postgres().host() + ":" + platform.postgres().port()
                + ", Kafka " + platform.kafkaBootstrapServers() + " (" + platform.startupTimes().get("total").toMillis()
                + " ms)");

        if (options.controlFile != null) {
            InfraControlWatcher.start(options.controlFile, platform);
        }
        CountDownLatch stop = new CountDownLatch(1);
        if (!options.ignoreStdin) {
            ChildMain.countDownAtEndOfStdin(stop);
        }
        stop.await();
        platform.close();
        System.exit(0);
    }

    private static void writeReadyFile(Path readyFile, LocalPlatform platform) {
        Properties ready = new Properties();
        ready.setProperty("postgres.host", platform.postgres().host());
        ready.setProperty("postgres.port", String.valueOf(platform.postgres().port()));
        ready.setProperty("postgres.user", EmbeddedPostgresServer.USER);
        ready.setProperty("postgres.password", EmbeddedPostgresServer.PASSWORD);
        ready.setProperty("kafka.bootstrap.servers", platform.kafkaBootstrapServers());
        platform.kafkaConnectUrl().ifPresent(c -> ready.setProperty("connect.url", c.toString()));
        ready.setProperty("data.dir", platform.dataDir().toString());
        ready.setProperty("pid", String.valueOf(ProcessHandle.current().pid()));
        try {
            Path absolute = readyFile.toAbsolutePath();
            Files.createDirectories(absolute.getParent());
            Path tmp = Files.createTempFile(absolute.getParent(), absolute.getFileName().toString(), ".tmp");
            try (OutputStream out = Files.newOutputStream(tmp)) {
                ready.store(out, "local infrastructure");
            }
            Files.move(tmp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + readyFile, e);
        }
    }

    static final class Options {
        boolean ephemeral;
        Path dataDir;
        final List<String> databases = new ArrayList<>();
        int partitions = TopicCatalog.DEFAULT_PARTITIONS;
        int postgresPort;
        int kafkaPort;
        boolean withConnect;
        Path readyFile;
        boolean ignoreStdin;
        Path logFile;
        Path controlFile;

        static Options parse(String[] args) {
            Options o = new Options();
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                switch (arg) {
                    case "--ephemeral" -> o.ephemeral = true;
                    case "--data-dir" -> o.dataDir = Path.of(value(args, ++i, arg));
                    case "--database" -> o.databases.add(value(args, ++i, arg));
                    case "--partitions" -> o.partitions = Integer.parseInt(value(args, ++i, arg));
                    case "--postgres-port" -> o.postgresPort = Integer.parseInt(value(args, ++i, arg));
                    case "--kafka-port" -> o.kafkaPort = Integer.parseInt(value(args, ++i, arg));
                    case "--with-connect" -> o.withConnect = true;
                    case "--ready-file" -> o.readyFile = Path.of(value(args, ++i, arg));
                    case "--ignore-stdin" -> o.ignoreStdin = true;
                    case "--log-file" -> o.logFile = Path.of(value(args, ++i, arg));
                    case "--control-file" -> o.controlFile = Path.of(value(args, ++i, arg));
                    default -> throw new IllegalArgumentException("unknown option " + arg);
                }
            }
            if (o.ephemeral == (o.dataDir != null)) {
                throw new IllegalArgumentException("give either --ephemeral or --data-dir");
            }
            return o;
        }

        private static String value(String[] args, int i, String option) {
            if (i >= args.length) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            return args[i];
        }
    }
}
