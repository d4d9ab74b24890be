package io.receivables.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.receivables.local.SupervisedProcess.Snapshot;
import io.receivables.local.SupervisedProcess.State;

/** PostgreSQL under the supervisor: a SIGKILL of the postmaster brings it back on the same port and data. */
class PostgresPartTest {

    @TempDir
    Path dir;

    @Test
    void aKilledPostgresIsRestartedOnTheSameDataDirectoryAndPort() throws Exception {
        AtomicReference<EmbeddedPostgresServer> server = new AtomicReference<>();
        RestartPolicy fast = new RestartPolicy(Duration.ofMillis(200), Duration.ofSeconds(1), 3, Duration.ofMinutes(1));
        try (Supervisor supervisor = new Supervisor(fast);
                CapturedLog log = CapturedLog.of(SupervisedProcess.class)) {
            SupervisedProcess postgres = supervisor.add(new PostgresPart(
                    EmbeddedPostgresServer.builder().port(0).database("kept").durable(true), dir.resolve("postgres"),
                    dir.resolve("postgres.log"), server::set));
            postgres.start();
            int port = server.get().port();
            try (Connection connection = server.get().connect("kept"); Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE acknowledged (id int PRIMARY KEY)");
                statement.execute("INSERT INTO acknowledged VALUES (1)");
            }
            Snapshot before = postgres.snapshot();

            ProcessHandle.of(before.pid()).orElseThrow().destroyForcibly();

            Polling.await("PostgreSQL to be restarted", Duration.ofSeconds(60),
                    () -> postgres.state() == State.UP && postgres.snapshot().restarts() == 1);
            assertThat(postgres.snapshot().pid()).isNotEqualTo(before.pid());
            assertThat(server.get().port()).isEqualTo(port);
            try (Connection connection = server.get().connect("kept");
                    Statement statement = connection.createStatement();
                    ResultSet rs = statement.executeQuery("SELECT count(*) FROM acknowledged")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(1);
            }
            assertThat(log.messages()).anySatisfy(m -> assertThat(m)
                    .startsWith("ERROR postgres (pid " + before.pid() + ") exited unexpectedly, exit code unknown"));
            postgres.stop();
        }
    }
}
