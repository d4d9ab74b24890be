package io.receivables.local;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PostgreSQL as a {@link SupervisedPart}: started again on the same data directory and port (its WAL recovers
 * whatever was committed). pg_ctl starts the postmaster as a daemon, not as this JVM's child, so it is watched by its
 * process id from {@code postmaster.pid} and its exit code is not known.
 */
final class PostgresPart implements SupervisedPart {

    private static final Logger LOG = LoggerFactory.getLogger(PostgresPart.class);

    private final EmbeddedPostgresServer.Builder settings;
    private final Path dataDir;
    private final Path logFile;
    private final Consumer<EmbeddedPostgresServer> started;
    private volatile EmbeddedPostgresServer server;

    /**
     * @param settings every setting but the port, which is the first start's from then on
     * @param started told of each started server
     */
    PostgresPart(EmbeddedPostgresServer.Builder settings, Path dataDir, Path logFile,
            Consumer<EmbeddedPostgresServer> started) {
        this.settings = settings.dataDir(dataDir).logFile(logFile);
        this.dataDir = dataDir;
        this.logFile = logFile;
        this.started = started;
    }

    @Override
    public String name() {
        return "postgres";
    }

    @Override
    public synchronized Running start() {
        EmbeddedPostgresServer crashed = server;
        if (crashed != null) {
            // releases zonky's lock on the data directory; pg_ctl stop of a dead postmaster fails quietly
            quietlyClose(crashed);
        }
        EmbeddedPostgresServer next = settings.start();
        server = next;
        settings.port(next.port());
        started.accept(next);
        return Running.of(ProcessHandle.of(postmasterPid())
                .orElseThrow(() -> new IllegalStateException("PostgreSQL exited as soon as it started; see " + logFile)));
    }

    private long postmasterPid() {
        try {
            List<String> lines = Files.readAllLines(dataDir.resolve("postmaster.pid"));
            return Long.parseLong(lines.get(0).trim());
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("PostgreSQL started without a readable postmaster.pid in " + dataDir, e);
        }
    }

    @Override
    public synchronized void stop() {
        EmbeddedPostgresServer running = server;
        server = null;
        if (running != null) {
            running.close();
        }
    }

    private static void quietlyClose(EmbeddedPostgresServer server) {
        try {
            server.close();
        } catch (RuntimeException e) {
            LOG.debug("Closing the crashed PostgreSQL", e);
        }
    }

    @Override
    public Path logFile() {
        return logFile;
    }

    @Override
    public Optional<URI> healthUrl() {
        return Optional.empty();
    }
}
