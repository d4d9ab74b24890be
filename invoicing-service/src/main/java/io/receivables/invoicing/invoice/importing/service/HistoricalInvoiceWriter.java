package io.receivables.invoicing.invoice.importing.service;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.receivables.common.problem.FieldError;
import io.receivables.contracts.events.Actor;
import io.receivables.invoicing.invoice.Invoice;
import io.receivables.invoicing.invoice.importing.HistoricalInvoice;
import io.receivables.invoicing.invoice.repository.InvoiceRepository;
import io.receivables.invoicing.invoice.service.InvoiceLifecycleService;
import io.receivables.invoicing.invoice.service.InvoiceService;
import io.smallrye.mutiny.Uni;

/** Writes one historical invoice in its own transaction (or the Idempotency-Key's, when the import has one). */
@ApplicationScoped
public class HistoricalInvoiceWriter {

    private final InvoiceRepository invoices;
    private final InvoiceService service;
    private final InvoiceLifecycleService lifecycle;

    @Inject
    public HistoricalInvoiceWriter(InvoiceRepository invoices, InvoiceService service,
            InvoiceLifecycleService lifecycle) {
        this.invoices = invoices;
        this.service = service;
        this.lifecycle = lifecycle;
    }

    /** Fails with {@link DuplicateNumberException} when an invoice with that number exists already. */
    @WithTransaction
    public Uni<Invoice> record(Actor actor, HistoricalInvoice invoice) {
        return invoices.count("number", invoice.externalNumber())
                .chain(existing -> existing > 0
                        ? Uni.createFrom().failure(new DuplicateNumberException(invoice.externalNumber()))
                        : service.recordHistorical(actor, invoice.invoice(), invoice.externalNumber())
                                .chain(recorded -> ended(actor, recorded, invoice)));
    }

    /**
     * Brings how the invoice ended along, in the same transaction, so that its invoice-voided or invoice-written-off
     * follows its invoice-issued and a migration needs no second pass.
     */
    private Uni<Invoice> ended(Actor actor, Invoice recorded, HistoricalInvoice invoice) {
        if (invoice.voided() != null) {
            return lifecycle.voidRecorded(actor, recorded, invoice.voided().command());
        }
        if (invoice.writtenOff() != null) {
            return lifecycle.writeOffRecorded(actor, recorded, invoice.writtenOff().command());
        }
        return Uni.createFrom().item(recorded);
    }

    /** An invoice with this number is on record already: imported before, or issued here. */
    public static class DuplicateNumberException extends RuntimeException {

        public DuplicateNumberException(String number) {
            super("an invoice numbered " + number + " exists already; nothing was written for this row");
        }

        public List<FieldError> errors() {
            return List.of(new FieldError("externalNumber", getMessage()));
        }
    }
}
