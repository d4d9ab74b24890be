package io.receivables.platform.faults;

import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.http.HttpTimeoutException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.core.JsonProcessingException;

import io.receivables.platform.ApiClient;

/**
 * A steady load on invoicing, as clients make it: an invoice every {@code 1/perSecond} s, and a credit note on every
 * third invoice. Every answer is recorded; a 201 is an acknowledgement, which the platform must then never lose.
 * Requests are not retried: a failed one is counted by its kind (status, no answer, timeout).
 */
final class Load implements AutoCloseable {

    static final BigDecimal CREDIT = new BigDecimal("10.00");

    /** An invoice the service acknowledged, and its credit note if one was acknowledged too. */
    record Acked(String invoiceId, BigDecimal total, String creditNoteId) {
    }

    private final ApiClient api;
    private final String invoicing;
    private final List<String> customers;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final List<Acked> acked = new ArrayList<>();
    private final Map<String, Integer> failures = new TreeMap<>();
    private final List<String> serverErrors = new ArrayList<>();
    private int requests;
    private int invoices;

    Load(ApiClient api, String invoicingUrl, List<String> customers) {
        this.api = api;
        this.invoicing = invoicingUrl;
        this.customers = List.copyOf(customers);
    }

    Load start(int perSecond) {
        scheduler.scheduleAtFixedRate(this::next, 0, 1_000_000 / perSecond, TimeUnit.MICROSECONDS);
        return this;
    }

    /** Stops issuing and waits for the request in flight (each has a 30 s timeout). */
    @Override
    public void close() {
        scheduler.shutdown();
        try {
            if (!scheduler.awaitTermination(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("a request of the load did not end within 60 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void next() {
        int n;
        synchronized (this) {
            n = ++invoices;
        }
        String customer = customers.get(n % customers.size());
        BigDecimal total = new BigDecimal((n % 90 + 20) + ".25");
        ApiClient.Reply invoice = send(invoicing + "/invoices", ApiClient.invoice(customer, total.toPlainString()));
        if (invoice == null || invoice.status() != 201) {
            return;
        }
        String invoiceId = invoice.body().get("id").asText();
        String creditNoteId = null;
        if (n % 3 == 0) {
            ApiClient.Reply creditNote = send(invoicing + "/invoices/" + invoiceId + "/credit-notes", """
                    {"reasonCode": "PRICING_ERROR",
                     "lines": [{"description": "Discount", "quantity": "1", "unitPrice": "%s", "taxRate": "0"}]}"""
                    .formatted(CREDIT.toPlainString()), "If-Match", "\"0\"");
            if (creditNote != null && creditNote.status() == 201) {
                creditNoteId = creditNote.body().get("id").asText();
            }
        }
        synchronized (this) {
            acked.add(new Acked(invoiceId, total, creditNoteId));
        }
    }

    /** The answer, or null when there was none (refused connection, reset, timeout), counted either way. */
    private ApiClient.Reply send(String url, String json, String... headers) {
        synchronized (this) {
            requests++;
        }
        try {
            ApiClient.Reply reply = api.post(url, json, headers);
            if (reply.status() != 201) {
                count("HTTP " + reply.status());
                if (reply.status() >= 500) {
                    synchronized (this) {
                        serverErrors.add(reply.status() + " " + reply.body());
                    }
                }
            }
            return reply;
        } catch (UncheckedIOException e) {
            count(e.getCause() instanceof HttpTimeoutException ? "timeout"
                    : e.getCause() instanceof JsonProcessingException ? "answer not JSON" : "no answer");
            return null;
        } catch (RuntimeException e) {
            // a body that is not JSON, for one: counted, and the load goes on
            count(e.getClass().getSimpleName());
            return null;
        }
    }

    private synchronized void count(String kind) {
        failures.merge(kind, 1, Integer::sum);
    }

    synchronized int requests() {
        return requests;
    }

    /** Acknowledged requests: invoices and credit notes that got a 201. */
    synchronized int acknowledged() {
        return acked.size() + (int) acked.stream().filter(a -> a.creditNoteId() != null).count();
    }

    synchronized List<Acked> acked() {
        return List.copyOf(acked);
    }

    /** Failed requests by kind: {@code HTTP 503}, {@code no answer}, {@code timeout}… */
    synchronized Map<String, Integer> failures() {
        return Map.copyOf(failures);
    }

    /** Every 5xx answer with its body. */
    synchronized List<String> serverErrors() {
        return List.copyOf(serverErrors);
    }
}
