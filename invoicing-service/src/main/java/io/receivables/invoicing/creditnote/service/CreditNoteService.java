package io.receivables.invoicing.creditnote.service;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;

import org.hibernate.reactive.mutiny.Mutiny;

import io.receivables.common.audit.AuditSummary;
import io.receivables.common.concurrency.ExpectedVersion;
import io.receivables.common.concurrency.IfMatch;
import io.receivables.common.inbox.MalformedEventException;
import io.receivables.common.money.Currencies;
import io.receivables.common.outbox.OutboxWriter;
import io.receivables.common.problem.FieldError;
import io.receivables.common.problem.ProblemException;
import io.receivables.common.problem.ProblemType;
import io.receivables.common.text.FreeText;
import io.receivables.contracts.events.Actor;
import io.receivables.contracts.events.CreditNoteIssued;
import io.receivables.contracts.events.DisputeResolved;
import io.receivables.invoicing.balance.service.EventInvoices;
import io.receivables.invoicing.creditnote.CreditNote;
import io.receivables.invoicing.creditnote.CreditNoteLine;
import io.receivables.invoicing.creditnote.repository.CreditNoteRepository;
import io.receivables.invoicing.creditnote.rest.CreateCreditNoteRequest;
import io.receivables.invoicing.invoice.Invoice;
import io.receivables.invoicing.invoice.InvoiceStatus;
import io.receivables.invoicing.invoice.repository.InvoiceNumberAllocator;
import io.receivables.invoicing.invoice.repository.InvoiceRepository;
import io.receivables.invoicing.invoice.rest.InvoiceLineRequest;
import io.receivables.invoicing.invoice.service.InvoiceRequestChecks;
import io.receivables.invoicing.invoice.service.InvoiceTotals;
import io.receivables.invoicing.invoice.service.LineAmounts;
import io.smallrye.mutiny.Uni;

/**
 * Issues credit notes against issued invoices: on request, and for a dispute resolved in the customer's favour. The
 * credit note, its number, the invoice's new balance and {@code credit-note-issued} commit together or not at all.
 * <p>
 * The invoice row is locked first, then the CN number series, so concurrent credits of one invoice queue (and can never
 * together exceed its total) and numbers stay gap-free.
 */
@ApplicationScoped
public class CreditNoteService {

    static final String SERIES = "CN";

    /** The longest note a credit note (and its event) carries. */
    private static final int NOTE_LENGTH = 1000;

    private final InvoiceRepository invoices;
    private final EventInvoices eventInvoices;
    private final CreditNoteRepository creditNotes;
    private final InvoiceNumberAllocator numbers;
    private final OutboxWriter outbox;
    private final Clock clock;

    @Inject
    public CreditNoteService(InvoiceRepository invoices, EventInvoices eventInvoices, CreditNoteRepository creditNotes,
            InvoiceNumberAllocator numbers, OutboxWriter outbox, Clock clock) {
        this.invoices = invoices;
        this.eventInvoices = eventInvoices;
        this.creditNotes = creditNotes;
        this.numbers = numbers;
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * Credits the invoice at version {@code expectedVersion} (empty: any): the requested lines, or with {@code full}
     * everything not yet credited. The sum of an invoice's credit notes never exceeds its total.
     */
    public Uni<CreditNote> issue(Actor actor, UUID invoiceId, ExpectedVersion expectedVersion,
            CreateCreditNoteRequest request) {
        List<FieldError> errors = check(request);
        if (!errors.isEmpty()) {
            return Uni.createFrom().failure(ProblemException.invalid(errors));
        }
        LocalDate issueDate = request.issueDate() != null ? request.issueDate() : LocalDate.now(clock);
        return invoices.findById(invoiceId, LockModeType.PESSIMISTIC_WRITE)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("No invoice " + invoiceId))
                .invoke(invoice -> IfMatch.check(expectedVersion, invoice.version, "Invoice " + invoiceId))
                .call(invoice -> Mutiny.fetch(invoice.lines))
                .chain(invoice -> creditNotes.linesOfInvoice(invoice.id).chain(credited -> {
                    if (invoice.status == InvoiceStatus.VOIDED) {
                        throw new ProblemException(ProblemType.CONFLICT, "Invoice " + invoice.number
                                + " is VOIDED: it owes nothing, so there is nothing to credit", List.of());
                    }
                    if (invoice.status == InvoiceStatus.DRAFT) {
                        throw new ProblemException(ProblemType.CONFLICT, "Invoice " + invoiceId
                                + " is a draft: change it instead; only an issued invoice can be credited", List.of());
                    }
                    if (issueDate.isBefore(invoice.issueDate)) {
                        throw ProblemException.invalid("issueDate",
                                "must not be before the invoice's issue date " + invoice.issueDate);
                    }
                    if (invoice.writeOffDate != null && issueDate.isBefore(invoice.writeOffDate)) {
                        // the write-off took what was due on its date: crediting before it would rewrite that history
                        throw ProblemException.invalid("issueDate", "must not be before " + invoice.writeOffDate
                                + ", the date the invoice was written off");
                    }
                    List<GrossCreditSplit.Part> left = GrossCreditSplit.left(invoice.lines, credited);
                    CreditNote note = request.isFull() ? remainder(invoice, left, "Credit of invoice ")
                            : fromLines(invoice, request.lines());
                    requireCreditable(invoice, note, request.isFull() ? "full" : "lines");
                    requireLeftAtEachRate(invoice, note, left);
                    note.reasonCode = request.reasonCode();
                    note.note = FreeText.optional(request.note());
                    note.issueDate = issueDate;
                    return issue(actor, invoice, note);
                }));
    }

    /**
     * The credit note for a resolved dispute, in the CALLER's transaction (the inbox transaction of the consumer that
     * applies dispute-resolved): CUSTOMER_FAVOUR or PARTIAL with a positive creditedAmount credits that gross amount,
     * split by what is left at the invoice's tax rates ({@link GrossCreditSplit}); any other outcome credits nothing.
     * Exactly once per dispute: the invoice row lock queues concurrent calls and a later one finds the credit note and
     * does nothing.
     *
     * @throws MalformedEventException (as the Uni's failure) when the event cannot be applied: the checks every event
     *         handler shares ({@link EventInvoices}), or more than is left to credit
     */
    public Uni<Void> creditForResolvedDispute(Actor actor, DisputeResolved event) {
        boolean credits = (event.outcome() == DisputeResolved.Outcome.CUSTOMER_FAVOUR
                || event.outcome() == DisputeResolved.Outcome.PARTIAL) && event.creditedAmount().signum() > 0;
        if (!credits) {
            return Uni.createFrom().voidItem();
        }
        EventInvoices.Claim claim = new EventInvoices.Claim("dispute-resolved " + event.disputeId(),
                event.customerId(), event.currency());
        return eventInvoices.lock(event.invoiceId(), claim)
                .chain(invoice -> creditNotes.existsForDispute(event.disputeId())
                        .chain(done -> done ? Uni.createFrom().voidItem()
                                : Mutiny.fetch(invoice.lines)
                                        .chain(ignored -> creditNotes.linesOfInvoice(invoice.id))
                                        .chain(credited -> creditDispute(actor, invoice, credited, event, claim))
                                        .replaceWithVoid()));
    }

    private Uni<CreditNote> creditDispute(Actor actor, Invoice invoice, List<CreditNoteLine> credited,
            DisputeResolved event, EventInvoices.Claim claim) {
        BigDecimal amount = EventInvoices.amount(event.creditedAmount(), "creditedAmount", invoice, claim);
        BigDecimal creditable = creditable(invoice);
        if (amount.compareTo(creditable) > 0) {
            throw new MalformedEventException(claim.event() + ": creditedAmount " + amount.toPlainString() + " "
                    + invoice.currency + " exceeds the " + creditable.toPlainString() + " left to credit on invoice "
                    + invoice.number);
        }
        CreditNote note = split(invoice, GrossCreditSplit.left(invoice.lines, credited), amount,
                "Dispute resolution: credit on invoice ");
        note.reasonCode = CreditNoteIssued.ReasonCode.DISPUTE_RESOLUTION;
        note.disputeId = event.disputeId();
        note.note = truncated(FreeText.optional(event.resolutionNote()));
        LocalDate today = LocalDate.now(clock);
        note.issueDate = today.isBefore(invoice.issueDate) ? invoice.issueDate : today;
        return issue(actor, invoice, note);
    }

    /** Numbers, applies and publishes a credit note whose lines, amounts, reason and issue date are set. */
    private Uni<CreditNote> issue(Actor actor, Invoice invoice, CreditNote note) {
        note.id = UUID.randomUUID();
        note.invoiceId = invoice.id;
        note.customerId = invoice.customerId;
        note.currency = invoice.currency;
        note.issuedAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
        invoice.amountCredited = invoice.amountCredited.add(note.total);
        BigDecimal dueBefore = invoice.amountDue;
        BigDecimal applied = invoice.recomputeAmountDue();
        // the credit note is the entity; what it did to its invoice is the change worth keeping with it
        AuditSummary change = AuditSummary.of().value("invoiceNumber", invoice.number)
                .change("invoiceAmountDue", Currencies.round(dueBefore, invoice.currency),
                        Currencies.round(invoice.amountDue, invoice.currency));
        note.unappliedAmount = note.total.subtract(applied);
        return numbers.next(SERIES, note.issueDate.getYear())
                .invoke(number -> note.number = number)
                .chain(number -> creditNotes.persist(note))
                .call(saved -> outbox.append(actor, "credit-note", event(saved), change))
                .call(saved -> invoices.flush());
    }

    private static CreditNoteIssued event(CreditNote note) {
        return new CreditNoteIssued(note.id, note.number, note.customerId, note.invoiceId, note.disputeId,
                note.currency, note.issueDate, note.reasonCode, note.subtotal, note.taxTotal, note.total, note.note,
                note.issuedAt);
    }

    private static List<FieldError> check(CreateCreditNoteRequest request) {
        List<FieldError> errors = new ArrayList<>();
        boolean hasLines = request.lines() != null && !request.lines().isEmpty();
        if (request.isFull() && request.lines() != null) {
            errors.add(new FieldError("lines", "leave out lines with full: true, which credits everything not yet"
                    + " credited"));
        } else if (!request.isFull() && !hasLines) {
            errors.add(new FieldError("lines", "give the lines to credit, or full: true to credit everything not yet"
                    + " credited"));
        } else if (hasLines) {
            errors.addAll(InvoiceRequestChecks.checkLines(request.lines()));
        }
        return errors;
    }

    /** What may still be credited on the invoice: its total less its credit notes so far. */
    private static BigDecimal creditable(Invoice invoice) {
        return invoice.total.subtract(invoice.amountCredited);
    }

    private static void requireCreditable(Invoice invoice, CreditNote note, String field) {
        BigDecimal creditable = creditable(invoice);
        if (note.total.compareTo(creditable) > 0 || (field.equals("full") && creditable.signum() <= 0)) {
            String message = "the credit of " + Currencies.format(note.total, invoice.currency) + " "
                    + invoice.currency + " exceeds the " + Currencies.format(creditable, invoice.currency) + " "
                    + invoice.currency + " left to credit on invoice " + invoice.number + " (total "
                    + Currencies.format(invoice.total, invoice.currency) + ", credited "
                    + Currencies.format(invoice.amountCredited, invoice.currency) + ")";
            throw new ProblemException(ProblemType.CREDIT_EXCEEDS_INVOICE, message,
                    List.of(new FieldError(field, message)));
        }
        if (note.total.signum() <= 0) {
            throw ProblemException.invalid(field, "a credit note must credit more than zero");
        }
    }

    /**
     * The requested lines, priced and rounded exactly like invoice lines. Each must use a tax rate the invoice has: VAT
     * is credited at the rate it was charged at, never at another.
     */
    private static CreditNote fromLines(Invoice invoice, List<InvoiceLineRequest> requested) {
        List<InvoiceTotals.PricedLine> priced = requested.stream().map(InvoiceTotals.PricedLine::of).toList();
        Set<BigDecimal> invoiceRates = invoice.lines.stream().map(line -> line.taxRate.stripTrailingZeros())
                .collect(Collectors.toSet());
        List<FieldError> foreignRates = new ArrayList<>();
        for (int i = 0; i < priced.size(); i++) {
            if (!invoiceRates.contains(priced.get(i).taxRate().stripTrailingZeros())) {
                foreignRates.add(new FieldError("lines[" + i + "].taxRate", "invoice " + invoice.number
                        + " has no line at this tax rate; credit only at its rates " + percentages(invoiceRates)));
            }
        }
        if (!foreignRates.isEmpty()) {
            throw ProblemException.invalid(foreignRates);
        }
        InvoiceTotals totals = InvoiceTotals.compute(invoice.currency, priced);
        CreditNote note = withTotals(totals.subtotal(), totals.taxTotal());
        for (int i = 0; i < requested.size(); i++) {
            InvoiceTotals.PricedLine line = priced.get(i);
            LineAmounts amounts = totals.lines().get(i);
            note.lines.add(line(note, i + 1, requested.get(i).description(), line.quantity(), line.unitPrice(),
                    line.taxRate(), amounts));
        }
        return note;
    }

    /**
     * Everything not yet credited: the invoice's own lines when nothing was credited before (a full reversal), else
     * what is left at each tax rate, net and tax, as one line per rate.
     */
    private static CreditNote remainder(Invoice invoice, List<GrossCreditSplit.Part> left, String description) {
        if (creditable(invoice).signum() <= 0) {
            return withTotals(BigDecimal.ZERO, BigDecimal.ZERO); // refused as nothing is left to credit
        }
        if (invoice.amountCredited.signum() != 0) {
            return split(invoice, left, creditable(invoice), description);
        }
        CreditNote note = withTotals(invoice.subtotal, invoice.taxTotal);
        invoice.lines.forEach(line -> note.lines.add(line(note, line.lineNumber, line.description, line.quantity,
                line.unitPrice, line.taxRate, new LineAmounts(line.netAmount, line.taxAmount))));
        return note;
    }

    /**
     * A credit never takes more net or more VAT at a tax rate than is left there: the invoice's lines at the rate less
     * its earlier credit notes' lines at it.
     */
    private static void requireLeftAtEachRate(Invoice invoice, CreditNote note, List<GrossCreditSplit.Part> left) {
        Map<BigDecimal, GrossCreditSplit.Part> leftByRate = left.stream()
                .collect(Collectors.toMap(GrossCreditSplit.Part::taxRate, part -> part));
        Map<BigDecimal, BigDecimal[]> credited = new TreeMap<>(Comparator.reverseOrder());
        for (CreditNoteLine line : note.lines) {
            BigDecimal[] amounts = credited.computeIfAbsent(line.taxRate.stripTrailingZeros(),
                    rate -> new BigDecimal[] { BigDecimal.ZERO, BigDecimal.ZERO });
            amounts[0] = amounts[0].add(line.netAmount);
            amounts[1] = amounts[1].add(line.taxAmount);
        }
        credited.forEach((rate, amounts) -> {
            GrossCreditSplit.Part there = leftByRate.getOrDefault(rate,
                    new GrossCreditSplit.Part(rate, BigDecimal.ZERO, BigDecimal.ZERO));
            if (amounts[0].compareTo(there.netAmount()) > 0 || amounts[1].compareTo(there.taxAmount()) > 0) {
                String currency = invoice.currency;
                String message = "the credit at " + percentage(rate) + " (net " + Currencies.format(amounts[0], currency)
                        + ", VAT " + Currencies.format(amounts[1], currency) + " " + currency + ") exceeds the net "
                        + Currencies.format(there.netAmount(), currency) + " and VAT "
                        + Currencies.format(there.taxAmount(), currency) + " " + currency + " left at that rate on invoice "
                        + invoice.number;
                throw new ProblemException(ProblemType.CREDIT_EXCEEDS_INVOICE, message,
                        List.of(new FieldError("lines", message)));
            }
        });
    }

    private static String percentage(BigDecimal rate) {
        return rate.movePointRight(2).stripTrailingZeros().toPlainString() + " %";
    }

    private static String percentages(Set<BigDecimal> rates) {
        return rates.stream().sorted(Comparator.reverseOrder()).map(CreditNoteService::percentage)
                .collect(Collectors.joining(", "));
    }

    /** A gross amount credited as one line per tax rate of the invoice, named after it. */
    private static CreditNote split(Invoice invoice, List<GrossCreditSplit.Part> left, BigDecimal gross,
            String description) {
        List<GrossCreditSplit.Part> parts = GrossCreditSplit.of(left, gross, invoice.currency);
        BigDecimal subtotal = parts.stream().map(GrossCreditSplit.Part::netAmount).reduce(BigDecimal.ZERO,
                BigDecimal::add);
        BigDecimal taxTotal = parts.stream().map(GrossCreditSplit.Part::taxAmount).reduce(BigDecimal.ZERO,
                BigDecimal::add);
        CreditNote note = withTotals(subtotal, taxTotal);
        for (int i = 0; i < parts.size(); i++) {
            GrossCreditSplit.Part part = parts.get(i);
            String rate = parts.size() == 1 ? "" : " (" + percentage(part.taxRate()) + " VAT part)";
            note.lines.add(line(note, i + 1, description + invoice.number + rate, BigDecimal.ONE, part.netAmount(),
                    part.taxRate(), new LineAmounts(part.netAmount(), part.taxAmount())));
        }
        return note;
    }

    private static CreditNote withTotals(BigDecimal subtotal, BigDecimal taxTotal) {
        CreditNote note = new CreditNote();
        note.subtotal = subtotal;
        note.taxTotal = taxTotal;
        note.total = subtotal.add(taxTotal);
        return note;
    }

    private static CreditNoteLine line(CreditNote note, int number, String description, BigDecimal quantity,
            BigDecimal unitPrice, BigDecimal taxRate, LineAmounts amounts) {
        CreditNoteLine line = new CreditNoteLine();
        line.id = UUID.randomUUID();
        line.creditNote = note;
        line.price(number, description, quantity, unitPrice, taxRate, amounts.netAmount(), amounts.taxAmount());
        return line;
    }

    private static String truncated(String text) {
        return text == null || text.length() <= NOTE_LENGTH ? text : text.substring(0, NOTE_LENGTH);
    }
}
