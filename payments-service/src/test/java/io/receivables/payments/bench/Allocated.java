package io.receivables.payments.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * What cash application allocated to the payments a statement import recorded, read from the service's database: per
 * bank line (by its bank reference), the numbers of the invoices its payment's active allocations pay, and how many
 * allocations each rule made.
 */
record Allocated(Map<String, List<String>> invoicesByBankReference, Map<String, Integer> byRule) {

    /** The payment of each line, from the import report's entries (in file order, one per line). */
    static Map<UUID, String> payments(JsonPath report, List<String> bankReferences) {
        List<String> ids = report.getList("entries.paymentId", String.class);
        Map<UUID, String> byPayment = new HashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            if (ids.get(i) != null) {
                byPayment.put(UUID.fromString(ids.get(i)), bankReferences.get(i));
            }
        }
        return byPayment;
    }

    static Allocated read(Pool pool, Map<UUID, String> bankReferenceByPayment) {
        Map<String, List<String>> invoices = new HashMap<>();
        Map<String, Integer> rules = new TreeMap<>();
        var rows = pool.preparedQuery("""
                SELECT a.payment_id, i.invoice_number, a.rule FROM payment_allocation a
                JOIN receivable_invoice i ON i.invoice_id = a.invoice_id
                WHERE a.removed_at IS NULL AND a.payment_id = ANY($1)""")
                .execute(Tuple.of(bankReferenceByPayment.keySet().toArray(UUID[]::new))).await().indefinitely();
        for (Row row : rows) {
            String line = bankReferenceByPayment.get(row.getUUID(0));
            invoices.computeIfAbsent(line, k -> new ArrayList<>()).add(row.getString(1));
            rules.merge(row.getString(2), 1, Integer::sum);
        }
        return new Allocated(invoices, rules);
    }
}
