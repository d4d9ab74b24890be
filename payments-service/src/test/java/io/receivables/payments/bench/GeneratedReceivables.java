package io.receivables.payments.bench;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.vertx.VertxContextSupport;
import io.receivables.contracts.events.InvoiceIssued;
import io.receivables.contracts.events.InvoiceLine;
import io.receivables.contracts.events.PaymentTerms;
import io.receivables.payments.payment.repository.PayerAccountRepository;
import io.receivables.payments.receivable.service.Receivables;
import io.receivables.payments.statement.BankLineGenerator;
import io.smallrye.mutiny.Uni;

/**
 * Puts a {@link BankLineGenerator.DataSet}'s customers and invoices into the payments service's read model through the
 * service the invoicing-events consumer calls ({@link Receivables}), as customer-registered and invoice-issued would,
 * and makes each customer's IBAN a payer account seen before ({@link PayerAccountRepository#remember}, what an earlier
 * payment from it leaves behind). The consumer's own path (Kafka, the inbox) is proven by PaymentRecordingTest; here it
 * is skipped because thousands of events through it, one transaction each, would take minutes on a shared machine,
 * while a few hundred rows per transaction take seconds.
 */
final class GeneratedReceivables {

    /** Issued a month before the first bank line (2026-03-02), net 30: open and due when they are paid. */
    static final LocalDate ISSUED = LocalDate.of(2026, 2, 1);
    private static final int PER_TRANSACTION = 250;

    /** The read model's invoice ids by invoice number. */
    final Map<String, UUID> invoiceIds = new LinkedHashMap<>();
    /** The customers by name, and each one's IBAN. */
    final Map<String, UUID> customerIds = new LinkedHashMap<>();
    final Map<String, String> customerIbans = new LinkedHashMap<>();
    private final BankLineGenerator.DataSet data;

    GeneratedReceivables(BankLineGenerator.DataSet data) {
        this.data = data;
        for (BankLineGenerator.Invoice invoice : data.invoices()) {
            customerIds.computeIfAbsent(invoice.customerName(), name -> UUID.randomUUID());
            customerIbans.putIfAbsent(invoice.customerName(), invoice.customerIban());
            invoiceIds.put(invoice.number(), UUID.randomUUID());
        }
    }

    /** Every customer with its payer account, then every invoice, a few hundred per transaction. */
    void load(Receivables receivables, PayerAccountRepository payers) {
        Instant seen = Instant.parse("2026-02-15T10:00:00Z");
        inBatches(new ArrayList<>(customerIds.keySet()),
                name -> receivables.customer(customerIds.get(name), name, "EUR")
                        .chain(() -> payers.remember(customerIbans.get(name), customerIds.get(name), seen)));
        inBatches(data.invoices(), invoice -> receivables.issued(issued(invoice)));
    }

    private InvoiceIssued issued(BankLineGenerator.Invoice invoice) {
        BigDecimal amount = invoice.amount();
        return new InvoiceIssued(invoiceIds.get(invoice.number()), invoice.number(),
                customerIds.get(invoice.customerName()), invoice.currency(), ISSUED, ISSUED.plusDays(30),
                PaymentTerms.net(30), amount, BigDecimal.ZERO, amount,
                List.of(new InvoiceLine(1, "Services", BigDecimal.ONE, amount, BigDecimal.ZERO, amount,
                        BigDecimal.ZERO)),
                null, Instant.parse("2026-02-01T10:00:00Z"));
    }

    private static <T> void inBatches(List<T> items, Function<T, Uni<Void>> each) {
        for (int from = 0; from < items.size(); from += PER_TRANSACTION) {
            List<T> batch = items.subList(from, Math.min(items.size(), from + PER_TRANSACTION));
            try {
                VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> {
                    Uni<Void> chain = Uni.createFrom().voidItem();
                    for (T item : batch) {
                        chain = chain.chain(() -> each.apply(item));
                    }
                    return chain;
                }));
            } catch (Throwable e) {
                throw new IllegalStateException("could not load the generated receivables", e);
            }
        }
    }
}
