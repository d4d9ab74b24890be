package io.receivables.invoicing.statement.service;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.receivables.common.money.Currencies;
import io.receivables.common.problem.ProblemException;
import io.receivables.invoicing.customer.Customer;
import io.receivables.invoicing.customer.repository.CustomerRepository;
import io.receivables.invoicing.document.SellerConfig;
import io.receivables.invoicing.document.StatementDocument;
import io.receivables.invoicing.document.StatementDocument.Row;
import io.receivables.invoicing.document.StatementDocument.RowKind;
import io.receivables.invoicing.invoice.document.InvoiceDocuments;
import io.receivables.invoicing.statement.repository.StatementRepository;
import io.smallrye.mutiny.Uni;

/**
 * A customer's statement of account as of a date, in one currency (amounts are never converted): the invoices still
 * open then, the credits the customer held, the balance and its aging. One model serves the JSON and the PDF, so the
 * two can never disagree.
 */
@ApplicationScoped
public class StatementService {

    private final CustomerRepository customers;
    private final StatementRepository entries;
    private final SellerConfig seller;
    private final Clock clock;

    @Inject
    public StatementService(CustomerRepository customers, StatementRepository entries, SellerConfig seller,
            Clock clock) {
        this.customers = customers;
        this.entries = entries;
        this.seller = seller;
        this.clock = clock;
    }

    /** The customer and its statement; {@code asOf} null means today, {@code currency} null the customer's own. */
    public record Statement(Customer customer, StatementDocument document) {
    }

    @WithSession
    public Uni<Statement> statement(UUID customerId, LocalDate asOf, String currency) {
        LocalDate date = asOf != null ? asOf : LocalDate.now(clock);
        return customers.findById(customerId)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("No customer " + customerId))
                .chain(customer -> {
                    String in = currency != null ? currency : customer.currency;
                    List<Row> rows = new ArrayList<>();
                    return entries.invoices(customerId, in, date)
                            .invoke(invoices -> invoices.forEach(invoice -> row(invoice, in, date)
                                    .ifPresent(rows::add)))
                            .chain(ignored -> entries.credits(customerId, in, date))
                            // credits reduce what the customer owes, so they count negative and are never overdue
                            .invoke(credits -> credits.forEach(credit -> rows.add(new Row(credit.issueDate(),
                                    credit.number(), RowKind.CREDIT_NOTE, credit.issueDate(),
                                    Currencies.round(credit.total().negate(), in),
                                    Currencies.round(credit.unapplied().negate(), in), 0))))
                            .map(ignored -> new Statement(customer, StatementDocument.of(SellerConfig.party(seller),
                                    InvoiceDocuments.buyer(customer), date, in, rows)));
                });
    }

    /**
     * An invoice with something still due is an open item; one paid beyond what its credit notes left due shows the
     * overpayment as a credit (the credit notes' own excess is on their rows, so nothing counts twice).
     */
    private static Optional<Row> row(StatementRepository.InvoiceEntry invoice, String currency, LocalDate asOf) {
        BigDecimal open = Currencies.round(invoice.open(), currency);
        if (open.signum() > 0) {
            return Optional.of(new Row(invoice.issueDate(), invoice.number(), RowKind.INVOICE, invoice.dueDate(),
                    Currencies.round(invoice.total(), currency), open, daysOverdue(invoice.dueDate(), asOf)));
        }
        if (open.signum() < 0) {
            return Optional.of(new Row(invoice.issueDate(), "Overpaid " + invoice.number(), RowKind.PAYMENT,
                    invoice.issueDate(), open, open, 0));
        }
        return Optional.empty();
    }

    /** Days past due on the statement date; an amount is overdue the day after its due date. */
    static int daysOverdue(LocalDate dueDate, LocalDate asOf) {
        return (int) Math.max(0, ChronoUnit.DAYS.between(dueDate, asOf));
    }
}
