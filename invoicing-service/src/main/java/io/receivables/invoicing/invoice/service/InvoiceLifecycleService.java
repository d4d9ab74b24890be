package io.receivables.invoicing.invoice.service;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;

import org.hibernate.reactive.mutiny.Mutiny;

import io.receivables.common.audit.AuditSummary;
import io.receivables.common.concurrency.ExpectedVersion;
import io.receivables.common.concurrency.IfMatch;
import io.receivables.common.money.Currencies;
import io.receivables.common.outbox.OutboxWriter;
import io.receivables.common.problem.ProblemException;
import io.receivables.common.problem.ProblemType;
import io.receivables.common.text.FreeText;
import io.receivables.contracts.events.Actor;
import io.receivables.invoicing.invoice.Invoice;
import io.receivables.invoicing.invoice.InvoiceStatus;
import io.receivables.invoicing.invoice.repository.InvoiceRepository;
import io.receivables.invoicing.invoice.rest.VoidInvoiceRequest;
import io.receivables.invoicing.invoice.rest.WriteOffInvoiceRequest;
import io.smallrye.mutiny.Uni;

/**
 * Ends an issued invoice's life: voided (cancelled, nothing was paid or credited) or written off (the rest is bad debt).
 * The change and its event commit together; the invoice keeps its gap-free number either way.
 */
@ApplicationScoped
public class InvoiceLifecycleService {

    private final InvoiceRepository invoices;
    private final OutboxWriter outbox;
    private final Clock clock;

    @Inject
    public InvoiceLifecycleService(InvoiceRepository invoices, OutboxWriter outbox, Clock clock) {
        this.invoices = invoices;
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * Voids an ISSUED invoice on which nothing was paid or credited, at version {@code expectedVersion} (empty: any);
     * publishes {@code invoice-voided} with the total.
     */
    public Uni<Invoice> voidInvoice(Actor actor, UUID id, ExpectedVersion expectedVersion, VoidInvoiceRequest request) {
        return lockedInvoice(id, expectedVersion)
                .invoke(invoice -> {
                    if (invoice.status != InvoiceStatus.ISSUED) {
                        throw conflict("Invoice " + invoice.number + " is " + invoice.status
                                + "; only an ISSUED invoice can be voided");
                    }
                    if (invoice.amountPaid.signum() > 0) {
                        throw conflict("Invoice " + invoice.number + " has payments of "
                                + Currencies.format(invoice.amountPaid, invoice.currency) + " "
                                + invoice.currency + " applied, so it cannot be voided; credit or write off the rest"
                                + " instead (a payment that is reversed no longer counts)");
                    }
                    if (invoice.amountDue.compareTo(invoice.total) != 0) {
                        throw conflict("Invoice " + invoice.number + " has " + invoice.amountDue + " of "
                                + invoice.total + " " + invoice.currency
                                + " still due: something was paid or credited on it, so it cannot be voided;"
                                + " credit or write off the rest instead");
                    }
                    invoice.status = InvoiceStatus.VOIDED;
                    invoice.amountDue = zero(invoice);
                    invoice.voidReason = request.reasonCode().name();
                    invoice.voidNote = FreeText.optional(request.note());
                    invoice.voidedAt = now();
                })
                .call(invoice -> outbox.append(actor, "invoice", InvoiceEvents.voided(invoice),
                        AuditSummary.of().change("status", InvoiceStatus.ISSUED, invoice.status)))
                .call(invoices::flush)
                .call(invoice -> Mutiny.fetch(invoice.lines));
    }

    /**
     * Writes off what is still due on an ISSUED invoice, at version {@code expectedVersion} (empty: any); publishes
     * {@code invoice-written-off} with that amount.
     */
    public Uni<Invoice> writeOff(Actor actor, UUID id, ExpectedVersion expectedVersion, WriteOffInvoiceRequest request) {
        LocalDate writeOffDate = request.writeOffDate() != null ? request.writeOffDate() : LocalDate.now(clock);
        return lockedInvoice(id, expectedVersion)
                .chain(invoice -> {
                    if (writeOffDate.isBefore(invoice.issueDate)) {
                        throw ProblemException.invalid("writeOffDate", "must not be before the invoice's issue date "
                                + invoice.issueDate);
                    }
                    if (invoice.status != InvoiceStatus.ISSUED) {
                        throw conflict("Invoice " + invoice.number + " is " + invoice.status
                                + "; only an ISSUED invoice can be written off");
                    }
                    if (invoice.amountDue.signum() <= 0) {
                        throw conflict("Invoice " + invoice.number + " has nothing left to write off (amount due "
                                + invoice.amountDue + " " + invoice.currency + ")");
                    }
                    BigDecimal amount = invoice.amountDue;
                    invoice.status = InvoiceStatus.WRITTEN_OFF;
                    invoice.amountDue = zero(invoice);
                    invoice.writeOffReason = request.reasonCode().name();
                    invoice.writeOffDate = writeOffDate;
                    invoice.writeOffNote = FreeText.optional(request.note());
                    invoice.writtenOffAt = now();
                    return outbox.append(actor, "invoice", InvoiceEvents.writtenOff(invoice, amount),
                            AuditSummary.of().change("status", InvoiceStatus.ISSUED, invoice.status)
                                    .change("amountDue", Currencies.round(amount, invoice.currency), invoice.amountDue))
                            .replaceWith(invoice);
                })
                .call(invoices::flush)
                .call(invoice -> Mutiny.fetch(invoice.lines));
    }

    /**
     * The invoice, row-locked so that a concurrent void or write-off waits and then sees this one's outcome (its new
     * version: 412).
     */
    private Uni<Invoice> lockedInvoice(UUID id, ExpectedVersion expectedVersion) {
        return invoices.findById(id, LockModeType.PESSIMISTIC_WRITE)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("No invoice " + id))
                .invoke(invoice -> IfMatch.check(expectedVersion, invoice.version, "Invoice " + id));
    }

    private static ProblemException conflict(String detail) {
        return new ProblemException(ProblemType.CONFLICT, detail, List.of());
    }

    private static BigDecimal zero(Invoice invoice) {
        return Currencies.round(BigDecimal.ZERO, invoice.currency);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
