package io.receivables.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedPostgresServerTest {

    @TempDir
    Path dir;

    @Test
    void startsWithLogicalWalAndOneDatabasePerServiceAndKeepsDataAcrossRestarts() throws Exception {
        Path dataDir = dir.resolve("postgres");
        try (EmbeddedPostgresServer postgres = EmbeddedPostgresServer.builder()
                .dataDir(dataDir).port(0).databases(LocalPlatform.SERVICES).start()) {
            assertThat(postgres.databases()).containsAll(LocalPlatform.SERVICES);
            try (Connection connection = postgres.connect("invoicing"); Statement statement = connection.createStatement()) {
                assertThat(setting(statement, "wal_level")).isEqualTo("logical");
                assertThat(Integer.parseInt(setting(statement, "max_replication_slots"))).isGreaterThanOrEqualTo(10);
                assertThat(Integer.parseInt(setting(statement, "max_wal_senders"))).isGreaterThanOrEqualTo(10);
                statement.execute("CREATE TABLE kept (id INT PRIMARY KEY)");
                statement.execute("INSERT INTO kept VALUES (42)");
            }
            assertThat(postgres.createDatabaseIfMissing("invoicing")).isFalse();
        }

        try (EmbeddedPostgresServer postgres = EmbeddedPostgresServer.builder()
                .dataDir(dataDir).port(0).databases(LocalPlatform.SERVICES).start();
                Connection connection = postgres.connect("invoicing");
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT id FROM kept")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getInt(1)).isEqualTo(42);
        }

        try (EmbeddedPostgresServer postgres = EmbeddedPostgresServer.builder()
                .dataDir(dataDir).port(0).fresh(true).database("invoicing").start()) {
            assertThat(postgres.hasTable("invoicing", "kept")).isFalse();
        }
    }

    @Test
    void aKeptDataDirectoryCommitsDurablyAsTheRunningServerReports() throws Exception {
        try (EmbeddedPostgresServer postgres = EmbeddedPostgresServer.builder()
                .dataDir(dir.resolve("kept")).port(0).database("invoicing").start();
                Connection connection = postgres.connect("invoicing");
                Statement statement = connection.createStatement()) {
            // asked of the server itself: zonky passes -F (fsync off), which a setting in a map would not reveal
            assertThat(setting(statement, "fsync")).isEqualTo("on");
            assertThat(setting(statement, "synchronous_commit")).isEqualTo("on");
            assertThat(setting(statement, "full_page_writes")).isEqualTo("on");
            assertThat(postgres.durability().survivesOsCrash()).isTrue();
        }
    }

    @Test
    void aThrowAwayDatabaseMayRelaxFsyncButStillCommitsSynchronously() throws Exception {
        try (EmbeddedPostgresServer postgres = EmbeddedPostgresServer.builder()
                .dataDir(dir.resolve("throw-away")).port(0).durable(false).database("invoicing").start();
                Connection connection = postgres.connect("invoicing");
                Statement statement = connection.createStatement()) {
            assertThat(setting(statement, "fsync")).isEqualTo("off");
            assertThat(setting(statement, "full_page_writes")).isEqualTo("off");
            // Debezium reads only flushed WAL: asynchronous commits would delay every event
            assertThat(setting(statement, "synchronous_commit")).isEqualTo("on");
            assertThat(postgres.durability().survivesOsCrash()).isFalse();
        }
    }

    private static String setting(Statement statement, String name) throws Exception {
        try (ResultSet rs = statement.executeQuery("SHOW " + name)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
