package io.receivables.local.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.UUID;

import io.receivables.local.Polling;

/**
 * Lets a {@code @QuarkusTest} take the database of its {@link LocalInfraTestResource} away and bring it back, to prove
 * that consumers survive an outage:
 *
 * <pre>
 * {@code
 * @ConfigProperty(name = LocalInfraTestResource.CONTROL_FILE)
 * String controlFile;
 * InfraControl.at(controlFile).stopPostgres();
 * }
 * </pre>
 *
 * It talks to the child JVM through a file (the child polls it), since test classes and test resources may live in
 * different class loaders.
 */
public final class InfraControl {

    private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(90);

    private final Path controlFile;

    private InfraControl(Path controlFile) {
        this.controlFile = controlFile;
    }

    public static InfraControl at(String controlFile) {
        return new InfraControl(Path.of(controlFile));
    }

    /** Stops PostgreSQL (a fast shutdown: open connections are cut); returns once it is down. */
    public void stopPostgres() {
        request("stop-postgres");
    }

    /** Starts PostgreSQL again, same port and data; returns once it accepts connections. */
    public void startPostgres() {
        request("start-postgres");
    }

    private void request(String command) {
        String id = UUID.randomUUID().toString();
        Path done = controlFile.resolveSibling(controlFile.getFileName() + "." + id + ".done");
        try {
            Path tmp = Files.createTempFile(controlFile.toAbsolutePath().getParent(), "request", ".tmp");
            Files.writeString(tmp, id + " " + command, StandardCharsets.UTF_8);
            Files.move(tmp, controlFile, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            Polling.await(command + " by the local infrastructure", ANSWER_TIMEOUT, () -> Files.exists(done));
            String outcome = Files.readString(done, StandardCharsets.UTF_8);
            Files.deleteIfExists(done);
            if (!"ok".equals(outcome)) {
                throw new IllegalStateException(command + " " + outcome);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not ask the local infrastructure to " + command, e);
        }
    }
}
