package io.receivables.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.receivables.local.SupervisedProcess.Snapshot;
import io.receivables.local.SupervisedProcess.State;

/** The supervisor against real child JVMs ({@link ChildProcess}), killed with SIGKILL. */
class SupervisorTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final RestartPolicy FAST = new RestartPolicy(Duration.ofMillis(100), Duration.ofMillis(400), 3,
            Duration.ofMinutes(1));

    @TempDir
    Path dir;

    @Test
    void aKilledProcessIsLoggedWithTheTailOfItsLogAndRestarted() {
        List<List<Snapshot>> reported = new CopyOnWriteArrayList<>();
        try (Supervisor supervisor = new Supervisor(FAST);
                CapturedLog log = CapturedLog.of(SupervisedProcess.class)) {
            supervisor.onChange(reported::add);
            SupervisedProcess child = supervisor.add(new ChildProcessPart("child", dir.resolve("child.log")));
            child.start();
            Snapshot first = child.snapshot();
            assertThat(first.state()).isEqualTo(State.UP);
            Polling.await("the child to say it is up", TIMEOUT,
                    () -> String.join("\n", LogTail.lastLines(dir.resolve("child.log"), 5)).contains("up"));

            ProcessHandle.of(first.pid()).orElseThrow().destroyForcibly();

            Polling.await("the child to be restarted", TIMEOUT,
                    () -> child.snapshot().state() == State.UP && child.snapshot().restarts() == 1);
            Snapshot restarted = child.snapshot();
            assertThat(restarted.pid()).isNotEqualTo(first.pid());
            assertThat(ProcessHandle.of(restarted.pid()).map(ProcessHandle::isAlive)).contains(true);
            // SIGKILL: 128 + 9
            assertThat(restarted.lastExitCode()).isEqualTo(137);
            assertThat(log.messages()).anySatisfy(m -> assertThat(m).startsWith("ERROR child (pid " + first.pid()
                    + ") exited unexpectedly, exit code 137; last lines of " + dir.resolve("child.log"))
                    .contains("child " + first.pid() + " up"));
            assertThat(log.messages()).anySatisfy(m -> assertThat(m).contains("child restarted (pid " + restarted.pid()));
            Polling.await("the restart to be reported", TIMEOUT, () -> !reported.isEmpty()
                    && reported.get(reported.size() - 1).equals(List.of(restarted)));
            assertThat(reported).flatExtracting(s -> s).extracting(Snapshot::state).contains(State.RESTARTING);

            child.stop();
            assertThat(child.state()).isEqualTo(State.STOPPED);
            assertThat(ProcessHandle.of(restarted.pid()).map(ProcessHandle::isAlive).orElse(false)).isFalse();
        }
    }

    @Test
    void aProcessThatKeepsCrashingIsMarkedFailedAndTheOthersKeepRunning() {
        try (Supervisor supervisor = new Supervisor(FAST);
                CapturedLog log = CapturedLog.of(SupervisedProcess.class)) {
            SupervisedProcess steady = supervisor.add(new ChildProcessPart("steady", dir.resolve("steady.log")));
            SupervisedProcess crashing = supervisor.add(new ChildProcessPart("crashing", dir.resolve("crashing.log"), "crash"));
            steady.start();
            long steadyPid = steady.snapshot().pid();
            crashing.start();

            Polling.await("the crashing child to be marked FAILED", TIMEOUT, () -> crashing.state() == State.FAILED);
            Snapshot failed = crashing.snapshot();
            // the first start and 3 restarts, each ending in exit 3: the 4th crash within the window is one too many
            assertThat(failed.restarts()).isEqualTo(3);
            assertThat(failed.lastExitCode()).isEqualTo(3);
            assertThat(log.messages()).filteredOn(m -> m.contains("crashing (pid")).hasSize(4)
                    .allSatisfy(m -> assertThat(m).contains("exit code 3").contains("child failing on purpose"));
            assertThat(log.messages()).anySatisfy(m -> assertThat(m)
                    .startsWith("ERROR crashing crashed 4 times within 60 s: marked FAILED and left down"));

            assertThat(steady.snapshot().state()).isEqualTo(State.UP);
            assertThat(steady.snapshot().pid()).isEqualTo(steadyPid);
            assertThat(ProcessHandle.of(steadyPid).map(ProcessHandle::isAlive)).contains(true);
            steady.stop();
        }
    }

    @Test
    void aProcessStoppedOnPurposeIsNotRestarted() {
        try (Supervisor supervisor = new Supervisor(FAST);
                CapturedLog log = CapturedLog.of(SupervisedProcess.class)) {
            SupervisedProcess child = supervisor.add(new ChildProcessPart("child", dir.resolve("child.log")));
            child.start();
            long pid = child.snapshot().pid();
            child.stop();
            ProcessHandle.of(pid).ifPresent(p -> p.onExit().join());

            child.start();
            assertThat(child.snapshot().state()).isEqualTo(State.UP);
            assertThat(child.snapshot().restarts()).isZero();
            assertThat(log.messages()).noneMatch(m -> m.contains("unexpectedly"));
            child.stop();
        }
    }
}
