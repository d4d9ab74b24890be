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
import jakarta.persistence.LockModeType;

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
import io.receivables.invoicing.invoice.credit.CreditCheck;
import io.receivables.invoicing.invoice.credit.CreditLimitConfig;
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
        List<FieldError> errors = InvoiceRequestChecks.check(request);
        PaymentTerms requestedTerms = request.paymentTerms() == null ? null
                : request.paymentTerms().toTerms("paymentTerms", errors);
        if (!errors.isEmpty()) {
            return Uni.createFrom().failure(ProblemException.invalid(errors));
        }
        // the customer row lock serialises credit checks of one customer: two invoices cannot both squeeze under a limit
        return customers.findById(request.customerId(), LockModeType.PESSIMISTIC_WRITE)
                .onItem().ifNull().failWith(() -> ProblemException.unknownReference("customerId",
                        "no customer " + request.customerId() + "; register it with POST /customers first"))
                .chain(customer -> {
                    Invoice invoice = build(request, customer, requestedTerms);
                    return invoices.openAmount(customer.id, customer.currency)
                            .map(open -> CreditCheck.decide(customer, invoice.currency, invoice.total, open,
                                    creditLimit.policy()))
                            .invoke(check -> invoice.creditLimitExceeded = check.exceeded())
                            .chain(check -> numbers.next(SERIES, invoice.issueDate.getYear())
                                    .invoke(number -> invoice.number = number)
                                    .chain(() -> invoices.persist(invoice))
                                    .call(saved -> outbox.append("invoice", InvoiceEvents.issued(saved)))
                                    .map(saved -> new IssuedInvoice(saved, check)));
                });
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
        invoice.poNumber = request.poNumber() == null || request.poNumber().isBlank() ? null : request.poNumber().strip();
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

    static BigDecimal money(BigDecimal amount, String currency) {
        return Currencies.round(amount, currency);
    }
}
