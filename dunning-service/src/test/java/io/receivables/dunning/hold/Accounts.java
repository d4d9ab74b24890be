package io.receivables.dunning.hold;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.receivables.contracts.events.Contact;
import io.receivables.dunning.receivable.DunningDatabase;
import io.receivables.dunning.receivable.DunningEvents;

/**
 * Customers and invoices in dunning's read model, made the only way they are in production: through invoicing's events
 * on Kafka and the real consumer. Each call waits until the read model has applied what it sent.
 */
public final class Accounts {

    public static final Duration WAIT = Duration.ofSeconds(60);

    private final DunningEvents events;
    private final DunningDatabase db;

    public Accounts(DunningEvents events, DunningDatabase db) {
        this.events = events;
        this.db = db;
    }

    /** A customer with a billing address, an e-mail and two contacts, named {@code legalName}. */
    public UUID customer(String legalName) {
        UUID customer = UUID.randomUUID();
        events.customerUpdated(customer, legalName, "standard", "en", "ap@example.com",
                List.of(new Contact("Ann \"AP\" Lee", "ann@example.com", "+4930111", true),
                        new Contact("Bob", "bob@example.com", null, false)),
                null);
        return customer;
    }

    /** An open invoice of {@code total} EUR, due on {@code due}, in the read model when this returns. */
    public UUID invoice(UUID customer, String total, LocalDate due) {
        UUID invoice = UUID.randomUUID();
        events.invoiceIssued(customer, invoice, total, due);
        await().atMost(WAIT).until(() -> db.openAmount(invoice) != null);
        return invoice;
    }

    public DunningEvents events() {
        return events;
    }
}
