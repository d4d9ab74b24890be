package io.receivables.invoicing.invoice.service;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.receivables.common.money.Currencies;
import io.receivables.common.money.DecimalStrings;
import io.receivables.common.outbox.OutboxWriter;
import io.receivables.common.problem.FieldError;
import io.receivables.common.problem.ProblemException;
import io.receivables.invoicing.customer.Customer;
import io.receivables.invoicing.customer.repository.CustomerRepository;
import io.receivables.invoicing.invoice.Invoice;
import io.receivables.invoicing.invoice.InvoiceLine;
import io.receivables.invoicing.invoice.InvoiceStatus;
import io.receivables.invoicing.invoice.repository.InvoiceNumberAllocator;
import io.receivables.invoicing.invoice.repository.InvoiceRepository;
import io.receivables.invoicing.invoice.rest.CreateInvoiceRequest;
import io.receivables.invoicing.invoice.rest.InvoiceLineRequest;
import io.receivables.invoicing.terms.PaymentTerms;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class InvoiceService {

    static final String SERIES = "INV";

    private final CustomerRepository customers;
    private final InvoiceRepository invoices;
    private final InvoiceNumberAllocator numbers;
    private final OutboxWriter outbox;
    private final Clock clock;

    @Inject
    public InvoiceService(CustomerRepository customers, InvoiceRepository invoices, InvoiceNumberAllocator numbers,
            OutboxWriter outbox, Clock clock) {
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
    public Uni<Invoice> issue(CreateInvoiceRequest request) {
        List<FieldError> errors = InvoiceRequestChecks.check(request);
        if (!errors.isEmpty()) {
            return Uni.createFrom().failure(ProblemException.invalid(errors));
        }
        return customers.findById(request.customerId())
                .onItem().ifNull().failWith(() -> ProblemException.unknownReference("customerId",
                        "no customer " + request.customerId() + "; register it with POST /customers first"))
                .chain(customer -> build(request, customer))
                .chain(invoice -> numbers.next(SERIES, invoice.issueDate.getYear())
                        .invoke(number -> invoice.number = number)
                        .chain(() -> invoices.persist(invoice)))
                .call(invoice -> outbox.append("invoice", InvoiceEvents.issued(invoice)));
    }

    private Uni<Invoice> build(CreateInvoiceRequest request, Customer customer) {
        String currency = request.currency() != null ? request.currency() : customer.currency;
        PaymentTerms terms = request.paymentTerms() != null ? request.paymentTerms().toTerms()
                : customer.paymentTerms();
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
        invoice.termsType = terms.type();
        invoice.termsDays = terms.days();
        invoice.subtotal = totals.subtotal();
        invoice.taxTotal = totals.taxTotal();
        invoice.total = totals.total();
        invoice.poNumber = request.poNumber() == null || request.poNumber().isBlank() ? null : request.poNumber().strip();
        invoice.issuedAt = now();
        for (int i = 0; i < request.lines().size(); i++) {
            invoice.lines.add(line(invoice, i, request.lines().get(i), priced.get(i), totals.lines().get(i)));
        }
        return Uni.createFrom().item(invoice);
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

    static BigDecimal money(BigDecimal amount, String currency) {
        return Currencies.round(amount, currency);
    }
}
