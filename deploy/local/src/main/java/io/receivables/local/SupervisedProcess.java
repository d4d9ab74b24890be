package io.receivables.local;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One {@link SupervisedPart} and what the supervisor knows of it: its state, process id, restarts and last exit
 * code. An exit that nobody asked for is a crash: it is logged at once with the tail of the part's log, and the part
 * is started again after the {@link RestartPolicy}'s backoff, or left {@link State#FAILED} when it keeps crashing.
 */
public final class SupervisedProcess {

    public enum State {
        STARTING,
        UP,
        RESTARTING,
        FAILED,
        STOPPED
    }

    /** What {@code ./run-local --status} shows of a part. */
    public record Snapshot(String name, State state, long pid, int restarts, Integer lastExitCode, String healthUrl) {
    }

    static final int LOG_TAIL_LINES = 20;
    private static final Logger LOG = LoggerFactory.getLogger(SupervisedProcess.class);

    private final SupervisedPart part;
    private final RestartPolicy policy;
    private final ScheduledExecutorService scheduler;
    private final Runnable onChange;
    private final Clock clock;
    private final List<Instant> crashes = new ArrayList<>();
    private State state = State.STOPPED;
    private SupervisedPart.Running running;
    // false once stopped on purpose: an exit is then expected, and a pending restart is dropped
    private boolean wanted;
    private int restarts;
    private Integer lastExitCode;

    SupervisedProcess(SupervisedPart part, RestartPolicy policy, ScheduledExecutorService scheduler, Runnable onChange,
            Clock clock) {
        this.part = part;
        this.policy = policy;
        this.scheduler = scheduler;
        this.onChange = onChange;
        this.clock = clock;
    }

    public String name() {
        return part.name();
    }

    public SupervisedPart part() {
        return part;
    }

    public synchronized Snapshot snapshot() {
        return new Snapshot(part.name(), state, running == null ? 0 : running.pid(), restarts, lastExitCode,
                part.healthUrl().map(Object::toString).orElse(null));
    }

    public synchronized State state() {
        return state;
    }

    /**
     * Starts the part and waits until it is ready; a failure here is thrown, not retried (the caller, starting the
     * platform or a test, decides). From then on, crashes are restarted.
     */
    public void start() {
        synchronized (this) {
            if (wanted && state != State.FAILED) {
                return;
            }
            wanted = true;
            crashes.clear();
            setState(State.STARTING);
        }
        SupervisedPart.Running started;
        try {
            started = part.start();
        } catch (RuntimeException e) {
            synchronized (this) {
                wanted = false;
                setState(State.STOPPED);
            }
            throw e;
        }
        up(started);
    }

    /** Stops the part on purpose: not a crash, not restarted. */
    public void stop() {
        synchronized (this) {
            wanted = false;
        }
        part.stop();
        synchronized (this) {
            running = null;
            setState(State.STOPPED);
        }
    }

    private void up(SupervisedPart.Running started) {
        synchronized (this) {
            if (!wanted) {
                // stopped while it started
                scheduler.execute(part::stop);
                return;
            }
            running = started;
            setState(State.UP);
        }
        started.exit().thenAccept(code -> exited(started, code));
    }

    private void exited(SupervisedPart.Running which, OptionalInt code) {
        Optional<Duration> delay;
        synchronized (this) {
            if (!wanted || running != which) {
                return;
            }
            running = null;
            lastExitCode = code.isPresent() ? code.getAsInt() : null;
            recordCrash();
            delay = policy.restartDelay(crashes, clock.instant());
            LOG.error("{} (pid {}) exited unexpectedly, exit code {}; last lines of {}:\n{}", part.name(), which.pid(),
                    code.isPresent() ? code.getAsInt() : "unknown", part.logFile(),
                    String.join("\n", LogTail.lastLines(part.logFile(), LOG_TAIL_LINES)));
            giveUpOrRestart(delay);
        }
    }

    // holds the lock; crashes older than the policy's window no longer count, so they are not kept either
    private void recordCrash() {
        Instant now = clock.instant();
        crashes.removeIf(c -> !c.isAfter(now.minus(policy.window())));
        crashes.add(now);
    }

    // holds the lock
    private void giveUpOrRestart(Optional<Duration> delay) {
        if (delay.isEmpty()) {
            setState(State.FAILED);
            LOG.error("{} crashed {} times within {} s: marked FAILED and left down; the other parts keep running."
                    + " See {}", part.name(), crashes.size(), policy.window().toSeconds(), part.logFile());
            return;
        }
        setState(State.RESTARTING);
        LOG.warn("Restarting {} in {} ms", part.name(), delay.get().toMillis());
        scheduler.schedule(this::restart, delay.get().toMillis(), TimeUnit.MILLISECONDS);
    }

    private void restart() {
        synchronized (this) {
            if (!wanted || state != State.RESTARTING) {
                return;
            }
            setState(State.STARTING);
        }
        SupervisedPart.Running started;
        try {
            started = part.start();
        } catch (RuntimeException e) {
            LOG.error("{} did not come back: {}", part.name(), e.toString());
            try {
                part.stop();
            } catch (RuntimeException stopFailed) {
                LOG.warn("Could not stop {} after a failed start", part.name(), stopFailed);
            }
            synchronized (this) {
                if (wanted) {
                    recordCrash();
                    giveUpOrRestart(policy.restartDelay(crashes, clock.instant()));
                }
            }
            return;
        }
        synchronized (this) {
            restarts++;
        }
        LOG.warn("{} restarted (pid {}), restart {}", part.name(), started.pid(), restarts);
        up(started);
    }

    // holds the lock
    private void setState(State next) {
        state = next;
        try {
            onChange.run();
        } catch (RuntimeException e) {
            LOG.warn("Could not report {} {}", part.name(), next, e);
        }
    }
}
