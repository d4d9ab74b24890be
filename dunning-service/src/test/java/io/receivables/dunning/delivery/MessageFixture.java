package io.receivables.dunning.delivery;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Writes what the run writes when it decides a message (a QUEUED dunning_message and its dunning_message_invoice rows, in
 * one transaction), and reads a message's delivery columns back.
 */
public final class MessageFixture {

    /** One invoice a message names. */
    public record Named(UUID invoiceId, String number, LocalDate dueDate, String open, String disputed) {
    }

    private final Pool pool;

    public MessageFixture(Pool pool) {
        this.pool = pool;
    }

    /** A QUEUED message due at {@code at}, step 1, template reminder-1 in English, created at {@code at}. */
    public UUID queue(UUID customer, String channel, String recipient, Instant at, List<Named> invoices) {
        UUID id = UUID.randomUUID();
        BigDecimal due = invoices.stream().map(i -> new BigDecimal(i.open()).subtract(new BigDecimal(i.disputed())))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        OffsetDateTime when = OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
        String subject = channel.equals("EMAIL") ? "Payment reminder RF18 5390 0754 7034" : null;
        String html = channel.equals("EMAIL") ? "<p>Please pay " + due + " EUR, reference RF18 5390 0754 7034</p>" : null;
        pool.withTransaction(connection -> connection.preparedQuery("""
                INSERT INTO dunning_message (id, run_id, customer_id, channel, template_key, language, step_number,
                    recipient, reply_to, currency, amount_due, fees, interest, payment_reference, subject, text_body,
                    html_body, status, attempts, next_attempt_at, created_at)
                VALUES ($1, $2, $3, $4, 'reminder-1', 'en', 1, $5, 'collections@example.com', 'EUR', $6, 5, 1.25,
                    'RF18 5390 0754 7034', $7, $8, $9, 'QUEUED', 0, $10, $10)""")
                .execute(Tuple.from(java.util.Arrays.asList(id, UUID.randomUUID(), customer, channel, recipient, due,
                        nullable(subject),
                        "Dear customer,\nplease pay " + due + " EUR with reference RF18 5390 0754 7034.", nullable(html),
                        when)))
                .chain(() -> connection.preparedQuery("""
                        INSERT INTO dunning_message_invoice (message_id, invoice_id, invoice_number, step_number, due_date,
                            days_overdue, open_amount, disputed_amount, amount_due)
                        VALUES ($1, $2, $3, 1, $4, 3, $5, $6, $7)""").executeBatch(invoices.stream()
                        .map(i -> Tuple.from(List.of(id, i.invoiceId(), i.number(), i.dueDate(), new BigDecimal(i.open()),
                                new BigDecimal(i.disputed()), new BigDecimal(i.open()).subtract(new BigDecimal(i.disputed())))))
                        .toList())))
                .await().indefinitely();
        return id;
    }

    /** The message's status, attempts, next attempt, last error and sent_at. */
    public Delivery delivery(UUID message) {
        Row row = pool.preparedQuery("SELECT status, attempts, next_attempt_at, last_error, sent_at FROM dunning_message"
                + " WHERE id = $1").execute(Tuple.of(message)).await().indefinitely().iterator().next();
        OffsetDateTime next = row.getOffsetDateTime(2);
        OffsetDateTime sent = row.getOffsetDateTime(4);
        return new Delivery(row.getString(0), row.getInteger(1), next == null ? null : next.toInstant(),
                row.getString(3), sent == null ? null : sent.toInstant());
    }

    public long count(String sql, Object... args) {
        return pool.preparedQuery(sql).execute(Tuple.from(List.of(args))).await().indefinitely().iterator().next()
                .getLong(0);
    }

    /** As if a worker claimed the message and died before recording: SENDING, its attempt timed out at {@code at}. */
    public void abandon(UUID message, Instant at) {
        pool.preparedQuery("UPDATE dunning_message SET status = 'SENDING', attempts = attempts + 1, next_attempt_at = $2"
                + " WHERE id = $1").execute(Tuple.of(message, OffsetDateTime.ofInstant(at, ZoneOffset.UTC)))
                .await().indefinitely();
    }

    /** Runs the worker (on a Vert.x context, as the scheduler does) until it finds nothing due; returns the claims. */
    public static int deliverAll(io.receivables.dunning.delivery.service.DeliveryWorker worker) {
        int total = 0;
        for (int i = 0; i < 50; i++) {
            int claimed;
            try {
                claimed = io.quarkus.vertx.VertxContextSupport.subscribeAndAwait(() -> worker.deliverDue());
            } catch (Throwable e) {
                throw new IllegalStateException(e);
            }
            if (claimed == 0) {
                return total;
            }
            total += claimed;
        }
        return total;
    }

    private static Object nullable(String value) {
        return value;
    }

    public record Delivery(String status, int attempts, Instant nextAttemptAt, String lastError, Instant sentAt) {
    }
}
