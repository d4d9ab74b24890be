package io.receivables.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A part of the infrastructure run from a main class of this module in a JVM of its own, with this JVM's class path
 * ({@link KafkaBrokerMain}, {@link KafkaConnectMain}): each start uses the same arguments, so the same port and data.
 * Its standard input stays open as long as this JVM runs: the child exits when it closes.
 */
final class JavaChildPart implements SupervisedPart {

    private static final Logger LOG = LoggerFactory.getLogger(JavaChildPart.class);

    private final String name;
    private final List<String> command;
    private final Path logFile;
    private final Polling.Condition ready;
    private final URI healthUrl;
    private final Duration startupTimeout;
    private volatile Process process;

    /**
     * @param ready holds once the part serves (e.g. the broker answers a client)
     * @param healthUrl shown by {@code --status}, may be null
     */
    JavaChildPart(String name, List<String> jvmOptions, Class<?> mainClass, List<String> args, Path logFile,
            Polling.Condition ready, URI healthUrl, Duration startupTimeout) {
        this.name = name;
        List<String> cmd = new ArrayList<>();
        cmd.add(ServiceProcess.currentJava());
        cmd.addAll(jvmOptions);
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(mainClass.getName());
        cmd.addAll(args);
        cmd.add("--log-file");
        cmd.add(logFile.toAbsolutePath().toString());
        this.command = List.copyOf(cmd);
        this.logFile = logFile;
        this.ready = ready;
        this.healthUrl = healthUrl;
        this.startupTimeout = startupTimeout;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public synchronized Running start() {
        try {
            Files.createDirectories(logFile.toAbsolutePath().getParent());
            process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.PIPE)
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + name + ": " + command, e);
        }
        Process started = process;
        LOG.info("Started {} (pid {}), log {}", name, started.pid(), logFile);
        Polling.await(name + " to be ready (log: " + logFile + ")", startupTimeout, () -> {
            if (!started.isAlive()) {
                throw new IllegalStateException(name + " exited with status " + started.exitValue()
                        + " before it was ready; see " + logFile);
            }
            return ready.holds();
        });
        LOG.info("{} is ready", name);
        return Running.of(started);
    }

    @Override
    public synchronized void stop() {
        Process p = process;
        process = null;
        if (p == null || !p.isAlive()) {
            return;
        }
        // SIGTERM: the child's shutdown hook stops the broker or worker cleanly
        p.destroy();
        try {
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                LOG.warn("{} did not stop within 30 s: killing it", name);
                p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
        }
        LOG.info("Stopped {}", name);
    }

    @Override
    public Path logFile() {
        return logFile;
    }

    @Override
    public Optional<URI> healthUrl() {
        return Optional.ofNullable(healthUrl);
    }
}
