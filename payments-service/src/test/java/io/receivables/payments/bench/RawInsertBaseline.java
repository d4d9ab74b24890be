package io.receivables.payments.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The baseline a statement import is measured against, in the same run on the same database: the very rows the import
 * wrote for each entry (its payment, allocations, outbox event and audit entry), read back and inserted again over
 * plain JDBC into tables made {@code LIKE} the real ones (same columns, defaults, indexes and constraints), one
 * transaction per entry, one entry after the other, as the import commits them. What the import costs beyond it is
 * everything else: parsing, identifying the payer, locking and matching the invoices, building and validating the
 * event, and the round trips between them.
 */
final class RawInsertBaseline {

    /** The tables an imported entry writes to, in the order their rows are inserted (allocations after the payment). */
    static final List<String> TABLES = List.of("payment", "payment_allocation", "outbox", "audit_log");

    private final String url;
    private final String user;
    private final String password;

    RawInsertBaseline(String url, String user, String password) {
        this.url = url;
        this.user = user;
        this.password = password;
    }

    /** The rows of one entry, per table: each row its column values in the table's column order. */
    record Entry(Map<String, List<Object[]>> rows) {

        int rowCount() {
            return rows.values().stream().mapToInt(List::size).sum();
        }
    }

    /** Result of a run: entries per second and rows per entry. */
    record Rate(double entriesPerSecond, double rowsPerEntry) {
    }

    /** The rows the import wrote for these payments, grouped per payment, in the order they were received. */
    List<Entry> rowsOf(Collection<UUID> payments) throws SQLException {
        try (Connection c = connect()) {
            Map<UUID, Map<String, List<Object[]>>> byPayment = new LinkedHashMap<>();
            UUID[] ids = payments.toArray(UUID[]::new);
            collect(c, "payment", "SELECT t.*, t.id AS bench_payment FROM payment t WHERE t.id = ANY(?)"
                    + " ORDER BY t.received_at", ids, byPayment);
            collect(c, "payment_allocation", "SELECT t.*, t.payment_id AS bench_payment FROM payment_allocation t"
                    + " WHERE t.payment_id = ANY(?)", ids, byPayment);
            collect(c, "outbox", "SELECT t.*, CAST(t.aggregateid AS uuid) AS bench_payment FROM outbox t"
                    + " WHERE t.aggregatetype = 'payment' AND t.aggregateid = ANY(CAST(? AS text[]))", ids, byPayment);
            collect(c, "audit_log", "SELECT t.*, CAST(t.entity_id AS uuid) AS bench_payment FROM audit_log t"
                    + " WHERE t.entity_type = 'payment' AND t.entity_id = ANY(CAST(? AS text[]))", ids, byPayment);
            return byPayment.values().stream().map(Entry::new).toList();
        }
    }

    /** Inserts every entry's rows into bench_ copies of the tables, one transaction per entry. */
    Rate insert(List<Entry> entries) throws SQLException {
        try (Connection c = connect()) {
            try (Statement ddl = c.createStatement()) {
                for (String table : TABLES) {
                    ddl.execute("DROP TABLE IF EXISTS bench_" + table);
                    ddl.execute("CREATE TABLE bench_" + table + " (LIKE " + table + " INCLUDING ALL)");
                }
            }
            c.setAutoCommit(false);
            Map<String, PreparedStatement> inserts = new LinkedHashMap<>();
            try {
                for (String table : TABLES) {
                    int columns = columnCount(c, table);
                    inserts.put(table, c.prepareStatement("INSERT INTO bench_" + table + " VALUES ("
                            + String.join(", ", java.util.Collections.nCopies(columns, "?")) + ")"));
                }
                long rows = 0;
                long start = System.nanoTime();
                for (Entry entry : entries) {
                    for (String table : TABLES) {
                        PreparedStatement insert = inserts.get(table);
                        for (Object[] row : entry.rows().getOrDefault(table, List.of())) {
                            for (int i = 0; i < row.length; i++) {
                                insert.setObject(i + 1, row[i]);
                            }
                            insert.executeUpdate();
                            rows++;
                        }
                    }
                    c.commit();
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                return new Rate(entries.size() / seconds, (double) rows / entries.size());
            } finally {
                for (PreparedStatement insert : inserts.values()) {
                    insert.close();
                }
                c.setAutoCommit(true);
                try (Statement ddl = c.createStatement()) {
                    for (String table : TABLES) {
                        ddl.execute("DROP TABLE IF EXISTS bench_" + table);
                    }
                }
            }
        }
    }

    private static void collect(Connection c, String table, String sql, UUID[] payments,
            Map<UUID, Map<String, List<Object[]>>> byPayment) throws SQLException {
        try (PreparedStatement query = c.prepareStatement(sql)) {
            query.setArray(1, c.createArrayOf("uuid", payments));
            try (ResultSet rs = query.executeQuery()) {
                ResultSetMetaData meta = rs.getMetaData();
                int columns = meta.getColumnCount() - 1; // the last is bench_payment, the grouping key
                while (rs.next()) {
                    Object[] row = new Object[columns];
                    for (int i = 0; i < columns; i++) {
                        row[i] = rs.getObject(i + 1);
                    }
                    UUID payment = rs.getObject(columns + 1, UUID.class);
                    byPayment.computeIfAbsent(payment, k -> new LinkedHashMap<>())
                            .computeIfAbsent(table, k -> new ArrayList<>()).add(row);
                }
            }
        }
    }

    private static int columnCount(Connection c, String table) throws SQLException {
        try (PreparedStatement query = c.prepareStatement("SELECT * FROM " + table + " WHERE false");
                ResultSet rs = query.executeQuery()) {
            return rs.getMetaData().getColumnCount();
        }
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }
}
