package io.receivables.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The child side of {@code io.receivables.local.testing.InfraControl}: watches a control file for a request
 * ({@code <request id> stop-postgres} or {@code <request id> start-postgres}), carries it out and answers in
 * {@code <control file>.<request id>.done} ({@code ok}, or {@code failed: <why>}). A file rather than standard input,
 * which already means "stop everything" when it closes.
 */
final class InfraControlWatcher {

    private static final Logger LOG = LoggerFactory.getLogger(InfraControlWatcher.class);

    private InfraControlWatcher() {
    }

    static void start(Path controlFile, LocalPlatform platform) {
        Thread watcher = new Thread(() -> watch(controlFile, platform), "infra-control-watcher");
        watcher.setDaemon(true);
        watcher.start();
    }

    private static void watch(Path controlFile, LocalPlatform platform) {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                if (Files.exists(controlFile)) {
                    String[] request = Files.readString(controlFile, StandardCharsets.UTF_8).trim().split("\\s+", 2);
                    Files.delete(controlFile);
                    answer(controlFile, request[0], carryOut(request.length > 1 ? request[1] : "", platform));
                }
            } catch (IOException | RuntimeException e) {
                LOG.warn("Control request in {} failed", controlFile, e);
            }
            LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
        }
    }

    private static String carryOut(String command, LocalPlatform platform) {
        try {
            switch (command) {
                case "stop-postgres" -> platform.stopPostgres();
                case "start-postgres" -> platform.startPostgres();
                default -> {
                    return "failed: unknown command " + command;
                }
            }
            return "ok";
        } catch (RuntimeException e) {
            LOG.error("Control command {} failed", command, e);
            return "failed: " + e;
        }
    }

    private static void answer(Path controlFile, String requestId, String outcome) throws IOException {
        Path done = controlFile.resolveSibling(controlFile.getFileName() + "." + requestId + ".done");
        Path tmp = Files.createTempFile(controlFile.toAbsolutePath().getParent(), "answer", ".tmp");
        Files.writeString(tmp, outcome, StandardCharsets.UTF_8);
        Files.move(tmp, done, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
