package io.receivables.local;

import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;

/**
 * A part of the platform that runs as its own process and that a {@link Supervisor} keeps running. {@link #start()}
 * must start it exactly as the first time: same port, same data directory, same configuration.
 */
public interface SupervisedPart {

    String name();

    /** Starts the part and waits until it is ready; throws when it cannot (the supervisor counts that as a crash). */
    Running start();

    /** Stops it on purpose (the supervisor does not restart it). */
    void stop();

    /** Where its output goes: the tail is logged when it crashes. */
    Path logFile();

    /** Its readiness endpoint, answering 200 when it is ready, if it has one. */
    Optional<URI> healthUrl();

    /** A started process: its id and its exit (with the exit code when the process is this JVM's child). */
    record Running(long pid, CompletableFuture<OptionalInt> exit) {

        /** A child process: its exit code is known. */
        public static Running of(Process process) {
            return new Running(process.pid(), process.onExit().thenApply(p -> OptionalInt.of(p.exitValue())));
        }

        /** A process this JVM did not start itself (a daemon): only its exit is seen, not its code. */
        public static Running of(ProcessHandle handle) {
            return new Running(handle.pid(), handle.onExit().thenApply(p -> OptionalInt.empty()));
        }
    }
}
