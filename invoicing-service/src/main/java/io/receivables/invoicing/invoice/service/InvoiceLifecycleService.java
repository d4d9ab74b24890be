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
import io.receivables.invoicing.invoice.repository.SettlementDates;
import io.smallrye.mutiny.Uni;

/**
 * Ends an issued invoice's life: voided (cancelled, nothing was paid or credited) or written off (the rest is bad debt),
 * each from a business date that may lie in the past ({@link EffectiveDates}). The change and its event commit together;
 * the invoice keeps its gap-free number either way.
 */
@ApplicationScoped
public class InvoiceLifecycleService {

    private final InvoiceRepository invoices;
    private final SettlementDates settlementDates;
    private final OutboxWriter outbox;
    private final Clock clock;

    @Inject
    public InvoiceLifecycleService(InvoiceRepository invoices, SettlementDates settlementDates, OutboxWriter outbox,
            Clock clock) {
        this.invoices = invoices;
        this.settlementDates = settlementDates;
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * Voids an ISSUED invoice on which nothing was paid or credited, at version {@code expectedVersion} (empty: any),
     * from its business date; publishes {@code invoice-voided} with the total and that date.
     */
    public Uni<Invoice> voidInvoice(Actor actor, UUID id, ExpectedVersion expectedVersion, VoidCommand command) {
        return lockedInvoice(id, expectedVersion)
                .call(invoice -> settlementDates.last(invoice.id).chain(last -> voided(actor, invoice, command, last)))
                .call(invoices::flush)
                .call(invoice -> Mutiny.fetch(invoice.lines));
    }

    /**
     * Voids an invoice recorded earlier in the caller's transaction (an import that brings the void along, so that a
     * migration needs no second pass): nothing can have been paid or credited on it yet.
     */
    public Uni<Invoice> voidRecorded(Actor actor, Invoice invoice, VoidCommand command) {
        return voided(actor, invoice, command, null).replaceWith(invoice);
    }

    /**
     * Writes off what is still due on an ISSUED invoice, at version {@code expectedVersion} (empty: any), from its
     * business date; publishes {@code invoice-written-off} with that amount and date.
     */
    public Uni<Invoice> writeOff(Actor actor, UUID id, ExpectedVersion expectedVersion, WriteOffCommand command) {
        return lockedInvoice(id, expectedVersion)
                .call(invoice -> settlementDates.last(invoice.id).chain(last -> writtenOff(actor, invoice, command, last)))
                .call(invoices::flush)
                .call(invoice -> Mutiny.fetch(invoice.lines));
    }

    /** Writes off an invoice recorded earlier in the caller's transaction (an import), like {@link #voidRecorded}. */
    public Uni<Invoice> writeOffRecorded(Actor actor, Invoice invoice, WriteOffCommand command) {
        return writtenOff(actor, invoice, command, null).replaceWith(invoice);
    }

    private Uni<Void> voided(Actor actor, Invoice invoice, VoidCommand command, LocalDate lastSettled) {
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
        LocalDate voidDate = EffectiveDates.checked(command.field(), command.effectiveDate(), invoice, lastSettled,
                LocalDate.now(clock));
        invoice.status = InvoiceStatus.VOIDED;
        invoice.amountDue = zero(invoice);
        invoice.voidReason = command.reasonCode().name();
        invoice.voidNote = FreeText.optional(command.note());
        invoice.voidDate = voidDate;
        invoice.voidedAt = now();
        return outbox.append(actor, "invoice", InvoiceEvents.voided(invoice),
                AuditSummary.of().change("status", InvoiceStatus.ISSUED, invoice.status)).replaceWithVoid();
    }

    private Uni<Void> writtenOff(Actor actor, Invoice invoice, WriteOffCommand command, LocalDate lastSettled) {
        if (invoice.status != InvoiceStatus.ISSUED) {
            throw conflict("Invoice " + invoice.number + " is " + invoice.status
                    + "; only an ISSUED invoice can be written off");
        }
        if (invoice.amountDue.signum() <= 0) {
            throw conflict("Invoice " + invoice.number + " has nothing left to write off (amount due "
                    + invoice.amountDue + " " + invoice.currency + ")");
        }
        LocalDate writeOffDate = EffectiveDates.checked(command.field(), command.effectiveDate(), invoice,
                lastSettled, LocalDate.now(clock));
        BigDecimal amount = invoice.amountDue;
        invoice.status = InvoiceStatus.WRITTEN_OFF;
        invoice.amountDue = zero(invoice);
        invoice.writeOffReason = command.reasonCode().name();
        invoice.writeOffDate = writeOffDate;
        invoice.writeOffNote = FreeText.optional(command.note());
        invoice.writtenOffAt = now();
        return outbox.append(actor, "invoice", InvoiceEvents.writtenOff(invoice, amount),
                AuditSummary.of().change("status", InvoiceStatus.ISSUED, invoice.status)
                        .change("amountDue", Currencies.round(amount, invoice.currency), invoice.amountDue))
                .replaceWithVoid();
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
