package io.receivables.invoicing.invoice.service;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.IntFunction;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;

import io.receivables.common.audit.AuditSummary;
import io.receivables.common.concurrency.GroupCommit.Outcome;
import io.receivables.common.outbox.OutboxWriter;
import io.receivables.common.problem.FieldError;
import io.receivables.common.problem.ProblemException;
import io.receivables.common.text.FreeText;
import io.receivables.contracts.events.Actor;
import io.receivables.invoicing.customer.Customer;
import io.receivables.invoicing.customer.repository.CustomerRepository;
import io.receivables.invoicing.invoice.Invoice;
import io.receivables.invoicing.invoice.InvoiceLine;
import io.receivables.invoicing.invoice.InvoiceStatus;
import io.receivables.invoicing.invoice.credit.CreditCheck;
import io.receivables.invoicing.invoice.credit.CreditLimitConfig;
import io.receivables.invoicing.invoice.repository.InvoiceNumberAllocator;
import io.receivables.invoicing.invoice.repository.InvoiceRepository;
import io.receivables.invoicing.invoice.rest.CreateInvoiceRequest;
import io.receivables.invoicing.terms.PaymentTerms;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class InvoiceService {

    static final String SERIES = "INV";

    private final CustomerRepository customers;
    private final InvoiceRepository invoices;
    private final InvoiceNumberAllocator numbers;
    private final OutboxWriter outbox;
    private final CreditLimitConfig creditLimit;
    private final Clock clock;

    @Inject
    public InvoiceService(CustomerRepository customers, InvoiceRepository invoices, InvoiceNumberAllocator numbers,
            OutboxWriter outbox, CreditLimitConfig creditLimit, Clock clock) {
        this.creditLimit = creditLimit;
        this.customers = customers;
        this.invoices = invoices;
        this.numbers = numbers;
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * Issues an invoice: the invoice, its number and its {@code invoice-issued} outbox row commit together or not at
     * all.
     */
    public Uni<IssuedInvoice> issue(Actor actor, CreateInvoiceRequest request) {
        return issueAll(actor, List.of(request), index -> "", creditLimit.policy(), invoice -> {
        }).map(issued -> issued.get(0));
    }

    /**
     * Issues the invoice for a late fee through the same path as any invoice (number, outbox), in the caller's
     * transaction. The credit limit never refuses it (policy FLAG whatever the configuration): the fee arises from the
     * customer's own lateness and is owed regardless, so it is issued and, if over the limit, flagged.
     */
    Uni<IssuedInvoice> issueFee(Actor actor, CreateInvoiceRequest request, UUID lateFeeId, UUID feeForInvoiceId) {
        return issueAll(actor, List.of(request), index -> "", CreditLimitConfig.Policy.FLAG, invoice -> {
            invoice.lateFeeId = lateFeeId;
            invoice.feeForInvoiceId = feeForInvoiceId;
        }).map(issued -> issued.get(0));
    }

    /**
     * Issues many invoices atomically: all of them, or (on any rejected item, named {@code invoices[i].<field>}) none.
     * Numbers are taken as one block per year, so a batch holds the series lock for one statement, not one per invoice.
     */
    public Uni<List<IssuedInvoice>> issueBatch(Actor actor, List<CreateInvoiceRequest> requests) {
        return issueAll(actor, requests, index -> "invoices[" + index + "].", creditLimit.policy(), invoice -> {
        });
    }

    /**
     * Issues a draft that the caller has locked, under the same rules as a new invoice: dated today unless the draft
     * has an issue date, credit-checked, numbered, and published. Must run in the caller's transaction.
     */
    public Uni<IssuedInvoice> issueDraft(Actor actor, Invoice draft) {
        return issuePrepared(actor, List.of(draft.customerId), (index, customer) -> draft, index -> "",
                creditLimit.policy())
                .map(issued -> issued.get(0));
    }

    /**
     * Checks a request beyond bean validation; every rejected field is reported at once, named with {@code prefix}.
     * Returns the payment terms it asks for (null: the customer's).
     */
    public static PaymentTerms checked(CreateInvoiceRequest request, String prefix, List<FieldError> errors) {
        List<FieldError> own = InvoiceRequestChecks.check(request);
        PaymentTerms terms = request.paymentTerms() == null ? null
                : request.paymentTerms().toTerms("paymentTerms", own);
        own.forEach(e -> errors.add(new FieldError(prefix + e.field(), e.message())));
        return terms;
    }

    /**
     * Records an invoice issued earlier in another system (an ERP's history) under its original number: the gap-free
     * series is not used, and the credit limit is not checked, since the invoice exists already and refusing it would
     * only hide receivables that are real. Like any invoice it publishes {@code invoice-issued}, in the same transaction.
     * Every rejection (invalid field, unknown customer) is decided before anything is written.
     */
    public Uni<Invoice> recordHistorical(Actor actor, CreateInvoiceRequest request, String originalNumber) {
        List<FieldError> errors = new ArrayList<>();
        PaymentTerms requestedTerms = checked(request, "", errors);
        if (request.issueDate() == null) {
            errors.add(new FieldError("issueDate", "a historical invoice needs the date it was issued"));
        }
        if (!errors.isEmpty()) {
            return Uni.createFrom().failure(ProblemException.invalid(errors));
        }
        return customers.findById(request.customerId())
                .onItem().ifNull().failWith(() -> unknownCustomer("customerId", request.customerId()))
                .chain(customer -> {
                    Invoice invoice = fill(newInvoice(now()), request, customer, requestedTerms);
                    dateForIssue(invoice, "");
                    LineExemptions.requireBuyerVatId(invoice, customer);
                    numbered(invoice, originalNumber, now());
                    return invoices.persist(invoice);
                })
                .call(saved -> outbox.append(actor, "invoice", InvoiceEvents.issued(saved), issuedSummary(saved)));
    }

    /** What the audit log keeps of an issue besides the event's number, total and currency: the status it reached. */
    private static AuditSummary issuedSummary(Invoice invoice) {
        return AuditSummary.of().change("status", null, invoice.status);
    }

    private static ProblemException unknownCustomer(String field, UUID id) {
        return ProblemException.unknownReference(field, "no customer " + id + "; register it with POST /customers first");
    }

    /** @param origin marks where an invoice comes from (e.g. a late fee) before it is persisted */
    private Uni<List<IssuedInvoice>> issueAll(Actor actor, List<CreateInvoiceRequest> requests, IntFunction<String> field,
            CreditLimitConfig.Policy policy, Consumer<Invoice> origin) {
        List<FieldError> errors = new ArrayList<>();
        List<PaymentTerms> requestedTerms = new ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            CreateInvoiceRequest request = requests.get(i);
            requestedTerms.add(checked(request, field.apply(i), errors));
            if (request.isDraft()) {
                errors.add(new FieldError(field.apply(i) + "draft",
                        "a batch issues invoices; create drafts one at a time with POST /invoices"));
            }
        }
        if (!errors.isEmpty()) {
            return Uni.createFrom().failure(ProblemException.invalid(errors));
        }
        Instant now = now();
        return issuePrepared(actor, requests.stream().map(CreateInvoiceRequest::customerId).toList(),
                (index, customer) -> {
                    Invoice invoice = fill(newInvoice(now), requests.get(index), customer, requestedTerms.get(index));
                    origin.accept(invoice);
                    return invoice;
                }, field, policy);
    }

    /**
     * Issues each request on its own merits, in the caller's transaction: a request that is rejected (invalid, unknown
     * customer, credit limit under REJECT, dates) is answered in its place and writes nothing; the others are issued,
     * numbered in request order. For single requests coalesced into one transaction (see {@code IssueGroups}): each
     * request is issued, published and audited as its own caller's, {@code actors.get(i)} for {@code requests.get(i)}.
     */
    public Uni<List<Outcome<IssuedInvoice>>> issueEach(List<CreateInvoiceRequest> requests, List<Actor> actors) {
        if (actors.size() != requests.size()) {
            throw new IllegalArgumentException(actors.size() + " actors for " + requests.size() + " requests");
        }
        Instant now = now();
        List<Outcome<IssuedInvoice>> checked = new ArrayList<>();
        List<PaymentTerms> requestedTerms = new ArrayList<>();
        for (CreateInvoiceRequest request : requests) {
            List<FieldError> errors = new ArrayList<>();
            requestedTerms.add(checked(request, "", errors));
            if (request.isDraft()) {
                errors.add(new FieldError("draft", "a draft is created on its own, not issued"));
            }
            checked.add(errors.isEmpty() ? null : Outcome.failed(ProblemException.invalid(errors)));
        }
        return decide(requests.stream().map(CreateInvoiceRequest::customerId).toList(), (index, customer) -> {
            if (checked.get(index) != null) {
                throw (ProblemException) checked.get(index).failure();
            }
            return fill(newInvoice(now), requests.get(index), customer, requestedTerms.get(index));
        }, index -> "", creditLimit.policy())
                .call(outcomes -> {
                    Map<Invoice, Actor> actorOf = new IdentityHashMap<>();
                    List<IssuedInvoice> accepted = new ArrayList<>();
                    for (int i = 0; i < outcomes.size(); i++) {
                        if (outcomes.get(i).failure() == null) {
                            accepted.add(outcomes.get(i).value());
                            actorOf.put(outcomes.get(i).value().invoice(), actors.get(i));
                        }
                    }
                    return numberAndPublish(accepted, actorOf::get);
                });
    }

    /**
     * The issuing rule every path shares, all or nothing: the first rejected request (in request order) rejects them all
     * before anything is written.
     */
    private Uni<List<IssuedInvoice>> issuePrepared(Actor actor, List<UUID> customerIds,
            BiFunction<Integer, Customer, Invoice> prepare, IntFunction<String> field, CreditLimitConfig.Policy policy) {
        return decide(customerIds, prepare, field, policy)
                .map(outcomes -> {
                    for (Outcome<IssuedInvoice> outcome : outcomes) {
                        if (outcome.failure() instanceof ProblemException rejected) {
                            throw rejected;
                        }
                    }
                    return outcomes.stream().map(Outcome::value).toList();
                })
                .call(accepted -> numberAndPublish(accepted, invoice -> actor));
    }

    /**
     * Decides each request before anything is written: lock the customers, prepare each invoice, date it, and check it
     * against the credit limit (in request order, each counting the accepted ones before it). A rejection is the
     * request's outcome; it does not count towards the limit.
     */
    private Uni<List<Outcome<IssuedInvoice>>> decide(List<UUID> customerIds,
            BiFunction<Integer, Customer, Invoice> prepare, IntFunction<String> field, CreditLimitConfig.Policy policy) {
        return lockCustomers(customerIds).chain(customers -> {
            Map<UUID, BigDecimal> open = new HashMap<>();
            return Multi.createFrom().iterable(customers.values())
                    .onItem().transformToUniAndConcatenate(c -> invoices.openAmount(c.id, c.currency)
                            .invoke(amount -> open.put(c.id, amount)))
                    .collect().last()
                    .map(ignored -> {
                        List<Outcome<IssuedInvoice>> outcomes = new ArrayList<>();
                        for (int i = 0; i < customerIds.size(); i++) {
                            Customer customer = customers.get(customerIds.get(i));
                            if (customer == null) {
                                outcomes.add(Outcome.failed(
                                        unknownCustomer(field.apply(i) + "customerId", customerIds.get(i))));
                                continue;
                            }
                            try {
                                Invoice invoice = prepare.apply(i, customer);
                                dateForIssue(invoice, field.apply(i));
                                LineExemptions.requireBuyerVatId(invoice, customer);
                                CreditCheck check = creditCheck(customer, invoice, open.get(customer.id),
                                        field.apply(i), policy);
                                invoice.creditLimitExceeded = check.exceeded();
                                if (check.openAfter() != null) {
                                    open.put(customer.id, check.openAfter());
                                }
                                outcomes.add(Outcome.of(new IssuedInvoice(invoice, check)));
                            } catch (ProblemException rejected) {
                                outcomes.add(Outcome.failed(rejected));
                            }
                        }
                        return outcomes;
                    });
        });
    }

    /**
     * Numbers the accepted invoices (one block per year), persists them and appends their events, each with its own
     * actor: the invoices of one transaction may be different callers'.
     */
    private Uni<Void> numberAndPublish(List<IssuedInvoice> accepted, Function<Invoice, Actor> actorOf) {
        if (accepted.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return number(accepted)
                .chain(() -> Multi.createFrom().iterable(accepted)
                        .onItem().transformToUniAndConcatenate(one -> invoices.persist(one.invoice())
                                .call(saved -> outbox.append(actorOf.apply(saved), "invoice",
                                        InvoiceEvents.issued(saved), issuedSummary(saved))))
                        .collect().last()
                        .replaceWithVoid());
    }

    /**
     * Locks every existing customer, in id order (so concurrent batches cannot deadlock): the row lock serialises credit
     * checks of one customer, so two invoices cannot both squeeze under a limit. An unknown customer is simply absent.
     */
    private Uni<Map<UUID, Customer>> lockCustomers(List<UUID> customerIds) {
        Map<UUID, Customer> locked = new HashMap<>();
        return Multi.createFrom().iterable(new TreeSet<>(customerIds))
                .onItem().transformToUniAndConcatenate(id -> customers.findById(id, LockModeType.PESSIMISTIC_WRITE)
                        .invoke(customer -> {
                            if (customer != null) {
                                locked.put(customer.id, customer);
                            }
                        }))
                .collect().last()
                .map(ignored -> locked);
    }

    private static CreditCheck creditCheck(Customer customer, Invoice invoice, BigDecimal open, String prefix,
            CreditLimitConfig.Policy policy) {
        try {
            return CreditCheck.decide(customer, invoice.currency, invoice.total, open, policy);
        } catch (ProblemException rejected) {
            throw new ProblemException(rejected.type(), rejected.getMessage(), rejected.errors().stream()
                    .map(e -> new FieldError(prefix + e.field(), e.message())).toList());
        }
    }

    /** Numbers in request order, one block per year, years in ascending order (the series rows' lock order). */
    private Uni<Void> number(List<IssuedInvoice> issued) {
        TreeMap<Integer, List<Invoice>> byYear = new TreeMap<>();
        issued.forEach(one -> byYear.computeIfAbsent(one.invoice().issueDate.getYear(), y -> new ArrayList<>())
                .add(one.invoice()));
        return Multi.createFrom().iterable(byYear.entrySet())
                .onItem().transformToUniAndConcatenate(year -> numbers.nextBlock(SERIES, year.getKey(), year.getValue().size())
                        .invoke(block -> {
                            Instant issuedAt = now();
                            for (int i = 0; i < block.size(); i++) {
                                numbered(year.getValue().get(i), block.get(i), issuedAt);
                            }
                        }))
                .collect().last()
                .replaceWithVoid();
    }

    /** An invoice as issued, with how it stood against the customer's credit limit. */
    public record IssuedInvoice(Invoice invoice, CreditCheck creditCheck) {
    }

    /** A new draft for {@code request}, not yet persisted; {@code requestedTerms} null means the customer's. */
    public Invoice draft(CreateInvoiceRequest request, Customer customer, PaymentTerms requestedTerms) {
        return fill(newInvoice(now()), request, customer, requestedTerms);
    }

    private static Invoice newInvoice(Instant now) {
        Invoice invoice = new Invoice();
        invoice.id = UUID.randomUUID();
        invoice.createdAt = now;
        return invoice;
    }

    /**
     * Writes {@code request} into an unissued invoice: priced lines and totals, terms, requested dates and texts. The
     * invoice stays a DRAFT without number; {@link #dateForIssue} dates and completes it. Lines are updated in place, so
     * a draft's lines keep their rows (and their unique line numbers) when it is changed.
     */
    public Invoice fill(Invoice invoice, CreateInvoiceRequest request, Customer customer, PaymentTerms requestedTerms) {
        String currency = request.currency() != null ? request.currency() : customer.currency;
        List<InvoiceTotals.PricedLine> priced = request.lines().stream().map(InvoiceTotals.PricedLine::of).toList();
        InvoiceTotals totals = InvoiceTotals.compute(currency, priced);

        invoice.customerId = customer.id;
        invoice.currency = currency;
        invoice.status = InvoiceStatus.DRAFT;
        invoice.issueDate = request.issueDate();
        invoice.dueDate = request.dueDate();
        invoice.paymentTerms(requestedTerms != null ? requestedTerms : customer.paymentTerms());
        invoice.subtotal = totals.subtotal();
        invoice.taxTotal = totals.taxTotal();
        invoice.total = totals.total();
        invoice.recomputeAmountDue();
        invoice.poNumber = FreeText.optional(request.poNumber());
        invoice.buyerReference = FreeText.optional(request.buyerReference());
        invoice.billingPeriodStart = request.billingPeriod() == null ? null : request.billingPeriod().start();
        invoice.billingPeriodEnd = request.billingPeriod() == null ? null : request.billingPeriod().end();
        invoice.notes = FreeText.optional(request.notes());
        invoice.paymentInstructions = FreeText.optional(request.paymentInstructions());
        while (invoice.lines.size() > request.lines().size()) {
            invoice.lines.remove(invoice.lines.size() - 1);
        }
        for (int i = 0; i < request.lines().size(); i++) {
            InvoiceLine line = i < invoice.lines.size() ? invoice.lines.get(i) : newLine(invoice);
            InvoiceTotals.PricedLine price = priced.get(i);
            LineAmounts amounts = totals.lines().get(i);
            line.price(i + 1, request.lines().get(i).description(), price.quantity(), price.unitPrice(),
                    price.taxRate(), amounts.netAmount(), amounts.taxAmount());
            LineExemptions.apply(request.lines().get(i).vatExemption(), line);
        }
        return invoice;
    }

    /**
     * Dates an invoice being issued: the issue date defaults to today, the due date and any discount follow from its
     * terms unless a due date was asked for. It becomes ISSUED when it is {@link #numbered}.
     */
    private void dateForIssue(Invoice invoice, String prefix) {
        if (invoice.issueDate == null) {
            invoice.issueDate = LocalDate.now(clock);
        }
        PaymentTerms terms = invoice.paymentTerms();
        if (invoice.dueDate == null) {
            invoice.dueDate = terms.dueDate(invoice.issueDate);
        } else if (invoice.dueDate.isBefore(invoice.issueDate)) {
            throw ProblemException.invalid(prefix + "dueDate",
                    "must not be before the issue date " + invoice.issueDate);
        }
        InvoiceRequestChecks.requireDatesInRange(prefix, invoice.issueDate, invoice.dueDate, terms);
        invoice.discountDate = terms.discountDate(invoice.issueDate).orElse(null);
        invoice.discountAmount = terms.discountAmount(invoice.total, invoice.currency).orElse(null);
    }

    /**
     * An invoice becomes ISSUED only together with its number: a draft being issued may be flushed before (by the
     * numbering query itself), and the table refuses an issued invoice without one.
     */
    private static void numbered(Invoice invoice, String number, Instant issuedAt) {
        invoice.number = number;
        invoice.status = InvoiceStatus.ISSUED;
        invoice.issuedAt = issuedAt;
    }

    private static InvoiceLine newLine(Invoice invoice) {
        InvoiceLine line = new InvoiceLine();
        line.id = UUID.randomUUID();
        line.invoice = invoice;
        invoice.lines.add(line);
        return line;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
