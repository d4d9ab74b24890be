package io.receivables.local;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.UUID;

/** The services' outbox table (created by their Liquibase migrations), for tests that play a service. */
final class Outbox {

    static final String DDL = """
            CREATE TABLE IF NOT EXISTS outbox (
                id              UUID PRIMARY KEY,
                aggregatetype   VARCHAR(64)  NOT NULL,
                aggregateid     VARCHAR(64)  NOT NULL,
                customer_id     VARCHAR(64)  NOT NULL,
                type            VARCHAR(64)  NOT NULL,
                source          VARCHAR(128) NOT NULL,
                specversion     VARCHAR(8)   NOT NULL DEFAULT '1.0',
                datacontenttype VARCHAR(64)  NOT NULL DEFAULT 'application/json',
                dataschema      VARCHAR(256) NOT NULL,
                ce_time         VARCHAR(40)  NOT NULL,
                timestamp       TIMESTAMPTZ  NOT NULL DEFAULT now(),
                payload         JSONB        NOT NULL
            )
            """;

    /** One outbox row, as a service writes it. */
    record Row(UUID id, String aggregateId, String customerId, String type, String source, String dataSchema, String ceTime,
            String payload) {

        static Row invoiceIssued(String customerId, String invoiceNumber) {
            String invoiceId = UUID.randomUUID().toString();
            return new Row(UUID.randomUUID(), invoiceId, customerId, "invoice-issued", "/invoicing",
                    "https://receivables.io/schemas/invoice-issued/v1.json", Instant.now().toString(),
                    "{\"invoiceId\": \"" + invoiceId + "\", \"number\": \"" + invoiceNumber
                            + "\", \"amount\": {\"value\": \"1250.00\", \"currency\": \"EUR\"}}");
        }
    }

    private Outbox() {
    }

    static void create(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(DDL);
        }
    }

    static void insert(Connection connection, Row row) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO outbox (id, aggregatetype, aggregateid, customer_id, type, source, dataschema, ce_time, payload)
                VALUES (?, 'invoice', ?, ?, ?, ?, ?, ?, ?::jsonb)
                """)) {
            insert.setObject(1, row.id());
            insert.setString(2, row.aggregateId());
            insert.setString(3, row.customerId());
            insert.setString(4, row.type());
            insert.setString(5, row.source());
            insert.setString(6, row.dataSchema());
            insert.setString(7, row.ceTime());
            insert.setString(8, row.payload());
            insert.executeUpdate();
        }
    }
}
