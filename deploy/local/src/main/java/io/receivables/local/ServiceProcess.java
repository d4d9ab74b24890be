package io.receivables.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One service as a child process: {@code java -jar <repoRoot>/<name>-service/target/quarkus-app/quarkus-run.jar}
 * with its connection settings in the environment, its output appended to a log file, and its readiness read from
 * {@code /q/health/ready}. It can be stopped and started again; it is destroyed with its parent (see
 * {@link #close()}; {@link LocalPlatform} registers a shutdown hook that closes it).
 */
public final class ServiceProcess implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ServiceProcess.class);
    public static final List<String> DEFAULT_JVM_OPTIONS = List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

    private final String name;
    private final List<String> command;
    private final Map<String, String> environment;
    private final Path logFile;
    private final int port;
    private Path pidFile;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private volatile Process process;

    /**
     * @param name the service (used in messages)
     * @param command the full command line
     * @param environment added to this process's environment
     * @param logFile stdout and stderr are appended to it
     * @param port the HTTP port the service listens on (also put in {@code QUARKUS_HTTP_PORT})
     */
    public ServiceProcess(String name, List<String> command, Map<String, String> environment, Path logFile, int port) {
        this.name = Objects.requireNonNull(name);
        this.command = List.copyOf(command);
        Map<String, String> env = new LinkedHashMap<>(environment);
        env.put("QUARKUS_HTTP_PORT", String.valueOf(port));
        this.environment = Map.copyOf(env);
        this.logFile = Objects.requireNonNull(logFile);
        this.port = port;
    }

    /** The packaged Quarkus application of {@code <repoRoot>/<service>-service}. */
    public static Path quarkusRunJar(Path repoRoot, String service) {
        return repoRoot.resolve(service + "-service").resolve("target").resolve("quarkus-app").resolve("quarkus-run.jar");
    }

    /**
     * A Quarkus service run with the same {@code java} as this JVM:
     * {@code java <jvmOptions> -jar <repoRoot>/<service>-service/target/quarkus-app/quarkus-run.jar}.
     */
    public static ServiceProcess quarkus(String service, Path repoRoot, List<String> jvmOptions,
            Map<String, String> environment,
            Path logFile, int port) {
        return quarkus(service, service, repoRoot, jvmOptions, environment, logFile, port);
    }

    /**
     * As {@link #quarkus(String, Path, List, Map, Path, int)}, as a named instance of {@code service} (a second replica,
     * {@code dunning-2}): the same application, its own name, port and log.
     */
    public static ServiceProcess quarkus(String instance, String service, Path repoRoot, List<String> jvmOptions,
            Map<String, String> environment, Path logFile, int port) {
        Path jar = quarkusRunJar(repoRoot, service);
        List<String> command = new ArrayList<>();
        command.add(currentJava());
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(jar.toAbsolutePath().toString());
        return new ServiceProcess(instance, command, environment, logFile, port);
    }

    /** The {@code java} executable of this JVM. */
    public static String currentJava() {
        return ProcessHandle.current().info().command()
                .orElseGet(() -> Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    public String name() {
        return name;
    }

    /**
     * Records the process id in {@code pidFile} while it runs, so that a later run can stop a process left behind
     * by a killed parent ({@link #stopLeftover(Path)}).
     */
    public ServiceProcess pidFile(Path pidFile) {
        this.pidFile = pidFile;
        return this;
    }

    /**
     * Stops the process recorded in {@code pidFile} if it still runs a Java command (a child left behind when its
     * parent was killed with SIGKILL), then deletes the file.
     */
    public static void stopLeftover(Path pidFile) {
        if (!Files.isRegularFile(pidFile)) {
            return;
        }
        try {
            long pid = Long.parseLong(Files.readString(pidFile).trim());
            ProcessHandle.of(pid)
                    .filter(ProcessHandle::isAlive)
                    .filter(p -> p.info().commandLine().map(c -> c.contains("java")).orElse(false))
                    .ifPresent(leftover -> {
                        LOG.warn("Stopping {} (pid {}) left running by an earlier run", pidFile.getFileName(), pid);
                        leftover.destroy();
                        try {
                            leftover.onExit().get(20, TimeUnit.SECONDS);
                        } catch (Exception e) {
                            leftover.destroyForcibly();
                        }
                    });
            Files.deleteIfExists(pidFile);
        } catch (IOException | NumberFormatException e) {
            LOG.warn("Could not read {}", pidFile, e);
        }
    }

    public int port() {
        return port;
    }

    /** {@code http://localhost:<port>} */
    public URI url() {
        return URI.create("http://localhost:" + port);
    }

    public Path logFile() {
        return logFile;
    }

    public List<String> command() {
        return command;
    }

    public Map<String, String> environment() {
        return environment;
    }

    public boolean isRunning() {
        Process p = process;
        return p != null && p.isAlive();
    }

    /** The running process, if started. */
    public Optional<Process> process() {
        return Optional.ofNullable(process);
    }

    public Optional<ProcessHandle> handle() {
        Process p = process;
        return p == null ? Optional.empty() : Optional.of(p.toHandle());
    }

    /** Starts the process (no-op when it runs); does not wait for it to be ready. */
    public synchronized ServiceProcess start() {
        if (isRunning()) {
            return this;
        }
        if (command.contains("-jar")) {
            Path jar = Path.of(command.get(command.indexOf("-jar") + 1));
            if (!Files.isRegularFile(jar)) {
                throw new IllegalStateException(jar + " does not exist: build the " + name
                        + " service first (./mvnw -B package -DskipTests at the repository root)");
            }
        }
        try {
            Files.createDirectories(logFile.toAbsolutePath().getParent());
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.PIPE);
            builder.environment().putAll(environment);
            process = builder.start();
            if (pidFile != null) {
                Files.createDirectories(pidFile.toAbsolutePath().getParent());
                Files.writeString(pidFile, String.valueOf(process.pid()));
            }
            LOG.info("Started {} (pid {}) on port {}, log {}", name, process.pid(), port, logFile);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + name + ": " + command, e);
        }
    }

    /** Whether {@code GET /q/health/ready} answers 200 now. */
    public boolean isReady() {
        HttpRequest request = HttpRequest.newBuilder(url().resolve("/q/health/ready")).timeout(Duration.ofSeconds(5)).GET()
                .build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Waits until the service is ready; fails at once if its process exits, pointing at its log. */
    public ServiceProcess awaitReady(Duration timeout) {
        Polling.await(name + " to be ready on " + url() + "/q/health/ready (log: " + logFile + ")", timeout, () -> {
            if (!isRunning()) {
                Process p = process;
                throw new IllegalStateException(name + " exited" + (p == null ? "" : " with status " + p.exitValue())
                        + " before it was ready; see " + logFile);
            }
            return isReady();
        });
        LOG.info("{} is ready on {}", name, url());
        return this;
    }

    /**
     * Stops the process: SIGTERM (Quarkus shuts down gracefully), then SIGKILL after {@code grace}. No-op when it
     * is not running.
     */
    public synchronized void stop(Duration grace) {
        Process p = process;
        if (p == null) {
            return;
        }
        if (p.isAlive()) {
            p.descendants().forEach(ProcessHandle::destroy);
            p.destroy();
            try {
                if (!p.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                    LOG.warn("{} did not stop within {} s: killing it", name, grace.toSeconds());
                    p.descendants().forEach(ProcessHandle::destroyForcibly);
                    p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                p.destroyForcibly();
            }
            LOG.info("Stopped {}", name);
        }
        process = null;
        if (pidFile != null) {
            try {
                Files.deleteIfExists(pidFile);
            } catch (IOException e) {
                LOG.warn("Could not delete {}", pidFile, e);
            }
        }
    }

    public void stop() {
        stop(Duration.ofSeconds(20));
    }

    @Override
    public void close() {
        stop();
    }
}
