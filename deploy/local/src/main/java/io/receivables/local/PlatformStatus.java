package io.receivables.local;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The state of a running platform's parts, as a small JSON file in its data directory ({@code run/status.json}):
 * the launcher rewrites it (atomically) on every change, and {@code ./run-local --status} reads it from another
 * terminal and asks each part with a health endpoint whether it is ready now.
 */
public final class PlatformStatus {

    /** One part: {@code state} is a {@link SupervisedProcess.State} name, {@code pid} 0 when it is not running. */
    public record Part(String name, String state, long pid, int restarts, Integer lastExitCode, String healthUrl,
            String note) {
    }

    /** The whole file: which launcher wrote it, when, and its parts. */
    public record File(long launcherPid, String updated, List<Part> parts) {
    }

    private static final ObjectMapper JSON = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private PlatformStatus() {
    }

    public static Path file(Path dataDir) {
        return dataDir.resolve("run").resolve("status.json");
    }

    public static Part of(SupervisedProcess.Snapshot s) {
        return new Part(s.name(), s.state().name(), s.pid(), s.restarts(), s.lastExitCode(), s.healthUrl(), null);
    }

    /** Writes {@code file} atomically: a reader never sees half of it. */
    public static void write(Path file, List<Part> parts) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), "status", ".tmp");
            JSON.writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(),
                    new File(ProcessHandle.current().pid(), Instant.now().toString(), parts));
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + file, e);
        }
    }

    public static File read(Path file) {
        try {
            return JSON.readValue(file.toFile(), File.class);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + file, e);
        }
    }

    /**
     * Prints the table of {@code ./run-local --status}; returns 0 when the launcher runs and every part is UP and
     * ready, 1 when one is not, 3 when no launcher runs on this data directory.
     */
    public static int print(Path dataDir, PrintStream out) {
        Path file = file(dataDir);
        if (!Files.isRegularFile(file)) {
            out.println("No local platform has run on " + dataDir + " (no " + file + ")");
            return 3;
        }
        File status = read(file);
        boolean launcherRuns = ProcessHandle.of(status.launcherPid()).map(ProcessHandle::isAlive).orElse(false);
        out.println((launcherRuns ? "Local platform running, launcher pid " + status.launcherPid()
                : "Local platform NOT running (launcher pid " + status.launcherPid() + " has exited); last known state")
                + ", updated " + status.updated() + ":");
        out.printf("  %-11s %-10s %8s %8s %9s  %s%n", "PART", "STATE", "PID", "RESTARTS", "LAST EXIT", "HEALTH");
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        boolean allReady = launcherRuns;
        for (Part part : status.parts()) {
            String health = launcherRuns ? health(http, part.healthUrl()) : "-";
            allReady &= part.state().equals("UP") && !health.startsWith("DOWN");
            out.printf("  %-11s %-10s %8s %8d %9s  %s%s%n", part.name(), part.state(), part.pid() == 0 ? "-" : part.pid(),
                    part.restarts(), part.lastExitCode() == null ? "-" : part.lastExitCode(), health,
                    part.note() == null ? "" : "  (" + part.note() + ")");
        }
        return !launcherRuns ? 3 : allReady ? 0 : 1;
    }

    private static String health(HttpClient http, String url) {
        if (url == null) {
            return "-";
        }
        try {
            int code = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(3)).GET().build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
            return (code == 200 ? "UP " : "DOWN (" + code + ") ") + url;
        } catch (IOException e) {
            return "DOWN (" + e.getClass().getSimpleName() + ") " + url;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "? " + url;
        }
    }

    static List<Part> parts(List<SupervisedProcess.Snapshot> supervised, List<Part> others) {
        List<Part> parts = new ArrayList<>();
        supervised.forEach(s -> parts.add(of(s)));
        parts.addAll(others);
        return parts;
    }
}
