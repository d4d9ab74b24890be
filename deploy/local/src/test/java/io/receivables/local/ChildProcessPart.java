package io.receivables.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** A {@link ChildProcess} as a supervised part, started with this JVM's class path. */
final class ChildProcessPart implements SupervisedPart {

    private final String name;
    private final Path logFile;
    private final List<String> args;
    private volatile Process process;

    ChildProcessPart(String name, Path logFile, String... args) {
        this.name = name;
        this.logFile = logFile;
        this.args = List.of(args);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Running start() {
        List<String> command = new java.util.ArrayList<>(List.of(ServiceProcess.currentJava(), "-Xmx16m",
                "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), ChildProcess.class.getName()));
        command.addAll(args);
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile())).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Running.of(process);
    }

    @Override
    public void stop() {
        Process p = process;
        if (p != null) {
            p.destroy();
            try {
                p.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
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
