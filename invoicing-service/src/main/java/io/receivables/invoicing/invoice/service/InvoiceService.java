package io.receivables.invoicing.invoice.service;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.IntFunction;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.receivables.common.money.DecimalStrings;
import io.receivables.common.outbox.OutboxWriter;
import io.receivables.common.problem.FieldError;
import io.receivables.common.problem.ProblemException;
import io.receivables.common.text.FreeText;
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
import io.receivables.invoicing.invoice.rest.InvoiceLineRequest;
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
    @WithTransaction
    public Uni<IssuedInvoice> issue(CreateInvoiceRequest request) {
        return issueAll(List.of(request), index -> "").map(issued -> issued.get(0));
    }

    /**
     * Issues many invoices atomically: all of them, or (on any rejected item, named {@code invoices[i].<field>}) none.
     * Numbers are taken as one block per year, so a batch holds the series lock for one statement, not one per invoice.
     */
    @WithTransaction
    public Uni<List<IssuedInvoice>> issueBatch(List<CreateInvoiceRequest> requests) {
        return issueAll(requests, index -> "invoices[" + index + "].");
    }

    /**
     * Records an invoice issued earlier in another system (an ERP's history) under its original number: the gap-free
     * series is not used, and the credit limit is not checked, since the invoice exists already and refusing it would
     * only hide receivables that are real. Like any invoice it publishes {@code invoice-issued}, in the same transaction.
     * Every rejection (invalid field, unknown customer) is decided before anything is written.
     */
    @WithTransaction
    public Uni<Invoice> recordHistorical(CreateInvoiceRequest request, String originalNumber) {
        List<FieldError> errors = InvoiceRequestChecks.check(request);
        PaymentTerms requestedTerms = request.paymentTerms() == null ? null
                : request.paymentTerms().toTerms("paymentTerms", errors);
        if (!errors.isEmpty()) {
            return Uni.createFrom().failure(ProblemException.invalid(errors));
        }
        return customers.findById(request.customerId())
                .onItem().ifNull().failWith(() -> unknownCustomer("customerId", request.customerId()))
                .chain(customer -> {
                    Invoice invoice = build(request, customer, requestedTerms);
                    invoice.number = originalNumber;
                    return invoices.persist(invoice);
                })
                .call(saved -> outbox.append("invoice", InvoiceEvents.issued(saved)));
    }

    private static ProblemException unknownCustomer(String field, UUID id) {
        return ProblemException.unknownReference(field, "no customer " + id + "; register it with POST /customers first");
    }

    private Uni<List<IssuedInvoice>> issueAll(List<CreateInvoiceRequest> requests, IntFunction<String> field) {
        List<FieldError> errors = new ArrayList<>();
        List<PaymentTerms> requestedTerms = new ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            CreateInvoiceRequest request = requests.get(i);
            List<FieldError> own = InvoiceRequestChecks.check(request);
            requestedTerms.add(request.paymentTerms() == null ? null
                    : request.paymentTerms().toTerms("paymentTerms", own));
            String prefix = field.apply(i);
            own.forEach(e -> errors.add(new FieldError(prefix + e.field(), e.message())));
        }
        if (!errors.isEmpty()) {
            return Uni.createFrom().failure(ProblemException.invalid(errors));
        }
        return lockCustomers(requests, field).chain(customers -> {
            Map<UUID, BigDecimal> open = new HashMap<>();
            return Multi.createFrom().iterable(customers.values())
                    .onItem().transformToUniAndConcatenate(c -> invoices.openAmount(c.id, c.currency)
                            .invoke(amount -> open.put(c.id, amount)))
                    .collect().last()
                    .map(ignored -> {
                        List<IssuedInvoice> issued = new ArrayList<>();
                        for (int i = 0; i < requests.size(); i++) {
                            Customer customer = customers.get(requests.get(i).customerId());
                            Invoice invoice = build(requests.get(i), customer, requestedTerms.get(i));
                            CreditCheck check = creditCheck(customer, invoice, open.get(customer.id), field.apply(i));
                            invoice.creditLimitExceeded = check.exceeded();
                            if (check.openAfter() != null) {
                                open.put(customer.id, check.openAfter());
                            }
                            issued.add(new IssuedInvoice(invoice, check));
                        }
                        return issued;
                    });
        })
                .call(this::number)
                .call(issued -> Multi.createFrom().iterable(issued)
                        .onItem().transformToUniAndConcatenate(one -> invoices.persist(one.invoice())
                                .call(saved -> outbox.append("invoice", InvoiceEvents.issued(saved))))
                        .collect().last());
    }

    /**
     * Locks every customer of the batch, in id order (so concurrent batches cannot deadlock): the row lock serialises
     * credit checks of one customer, so two invoices cannot both squeeze under a limit.
     */
    private Uni<Map<UUID, Customer>> lockCustomers(List<CreateInvoiceRequest> requests, IntFunction<String> field) {
        TreeMap<UUID, Integer> firstUse = new TreeMap<>();
        for (int i = requests.size() - 1; i >= 0; i--) {
            firstUse.put(requests.get(i).customerId(), i);
        }
        Map<UUID, Customer> locked = new HashMap<>();
        return Multi.createFrom().iterable(firstUse.entrySet())
                .onItem().transformToUniAndConcatenate(use -> customers.findById(use.getKey(), LockModeType.PESSIMISTIC_WRITE)
                        .onItem().ifNull()
                        .failWith(() -> unknownCustomer(field.apply(use.getValue()) + "customerId", use.getKey()))
                        .invoke(customer -> locked.put(customer.id, customer)))
                .collect().last()
                .map(ignored -> locked);
    }

    private CreditCheck creditCheck(Customer customer, Invoice invoice, BigDecimal open, String prefix) {
        try {
            return CreditCheck.decide(customer, invoice.currency, invoice.total, open, creditLimit.policy());
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
                            for (int i = 0; i < block.size(); i++) {
                                year.getValue().get(i).number = block.get(i);
                            }
                        }))
                .collect().last()
                .replaceWithVoid();
    }

    /** An invoice as issued, with how it stood against the customer's credit limit. */
    public record IssuedInvoice(Invoice invoice, CreditCheck creditCheck) {
    }

    private Invoice build(CreateInvoiceRequest request, Customer customer, PaymentTerms requestedTerms) {
        String currency = request.currency() != null ? request.currency() : customer.currency;
        PaymentTerms terms = requestedTerms != null ? requestedTerms : customer.paymentTerms();
        LocalDate dueDate = request.dueDate() != null ? request.dueDate() : terms.dueDate(request.issueDate());

        List<InvoiceTotals.PricedLine> priced = new ArrayList<>();
        for (InvoiceLineRequest line : request.lines()) {
            priced.add(new InvoiceTotals.PricedLine(DecimalStrings.parse(line.quantity()),
                    DecimalStrings.parse(line.unitPrice()), DecimalStrings.parse(line.taxRate())));
        }
        InvoiceTotals totals = InvoiceTotals.compute(currency, priced);

        Invoice invoice = new Invoice();
        invoice.id = UUID.randomUUID();
        invoice.customerId = customer.id;
        invoice.currency = currency;
        invoice.status = InvoiceStatus.ISSUED;
        invoice.issueDate = request.issueDate();
        invoice.dueDate = dueDate;
        invoice.paymentTerms(terms);
        invoice.discountDate = terms.discountDate(request.issueDate()).orElse(null);
        invoice.discountAmount = terms.discountAmount(totals.total(), currency).orElse(null);
        invoice.subtotal = totals.subtotal();
        invoice.taxTotal = totals.taxTotal();
        invoice.total = totals.total();
        invoice.amountDue = totals.total();
        invoice.poNumber = FreeText.optional(request.poNumber());
        invoice.issuedAt = now();
        for (int i = 0; i < request.lines().size(); i++) {
            invoice.lines.add(line(invoice, i, request.lines().get(i), priced.get(i), totals.lines().get(i)));
        }
        return invoice;
    }

    private static InvoiceLine line(Invoice invoice, int index, InvoiceLineRequest request,
            InvoiceTotals.PricedLine priced, LineAmounts amounts) {
        InvoiceLine line = new InvoiceLine();
        line.id = UUID.randomUUID();
        line.invoice = invoice;
        line.lineNumber = index + 1;
        line.description = request.description().strip();
        line.quantity = priced.quantity();
        line.unitPrice = priced.unitPrice();
        line.taxRate = priced.taxRate();
        line.netAmount = amounts.netAmount();
        line.taxAmount = amounts.taxAmount();
        return line;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
