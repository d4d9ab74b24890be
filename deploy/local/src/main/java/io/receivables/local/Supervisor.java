package io.receivables.local;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Watches every process the platform starts and restarts the ones that crash ({@link SupervisedProcess}); each
 * change of state is handed to a listener (the launcher writes it to {@link PlatformStatus}'s file) on a thread of
 * its own, so a slow listener never holds up a restart.
 */
public final class Supervisor implements AutoCloseable {

    private final RestartPolicy policy;
    private final Clock clock;
    private final Map<String, SupervisedProcess> processes = new LinkedHashMap<>();
    private final ScheduledExecutorService restarts = Executors.newScheduledThreadPool(2, daemon("supervisor"));
    private final ExecutorService reporting = Executors.newSingleThreadExecutor(daemon("supervisor-status"));
    private volatile Consumer<List<SupervisedProcess.Snapshot>> listener = snapshots -> {
    };

    public Supervisor(RestartPolicy policy) {
        this(policy, Clock.systemUTC());
    }

    Supervisor(RestartPolicy policy, Clock clock) {
        this.policy = policy;
        this.clock = clock;
    }

    /** Called with every part's state after each change (and at once). */
    public void onChange(Consumer<List<SupervisedProcess.Snapshot>> listener) {
        this.listener = listener;
        changed();
    }

    /** Adds a part, not started yet: {@link SupervisedProcess#start()} starts it. */
    public synchronized SupervisedProcess add(SupervisedPart part) {
        if (processes.containsKey(part.name())) {
            throw new IllegalArgumentException(part.name() + " is supervised already");
        }
        SupervisedProcess process = new SupervisedProcess(part, policy, restarts, this::changed, clock);
        processes.put(part.name(), process);
        changed();
        return process;
    }

    public synchronized Optional<SupervisedProcess> get(String name) {
        return Optional.ofNullable(processes.get(name));
    }

    public synchronized List<SupervisedProcess> processes() {
        return List.copyOf(processes.values());
    }

    public List<SupervisedProcess.Snapshot> snapshots() {
        List<SupervisedProcess.Snapshot> snapshots = new ArrayList<>();
        processes().forEach(p -> snapshots.add(p.snapshot()));
        return snapshots;
    }

    private void changed() {
        try {
            reporting.execute(() -> listener.accept(snapshots()));
        } catch (RejectedExecutionException closed) {
            // the platform is stopping: nothing to report to
        }
    }

    /** Stops restarting; the parts themselves are stopped by whoever started them, in their order. */
    @Override
    public void close() {
        restarts.shutdownNow();
        reporting.shutdown();
        try {
            // the last states (STOPPED) reach the status file before the JVM exits
            reporting.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static ThreadFactory daemon(String name) {
        return r -> {
            Thread thread = new Thread(r, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
