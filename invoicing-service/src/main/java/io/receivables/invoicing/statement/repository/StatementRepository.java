package io.receivables.invoicing.statement.repository;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * What a customer's account held on a date, read from the facts as they were then: an invoice counts from its issue
 * date until the business date of its void or write-off (not the day either was entered); what was paid or credited on it
 * counts from the payment's value date and
 * the credit note's issue date.
 */
@ApplicationScoped
public class StatementRepository {

    /** An invoice as it stood on the statement date. */
    public record InvoiceEntry(UUID id, String number, LocalDate issueDate, LocalDate dueDate, BigDecimal total,
            BigDecimal open) {
    }

    private static final String INVOICES = """
            SELECT i.id, i.number, i.issue_date, i.due_date, i.total,
                   i.total - (%s) AS open
            FROM invoice i
            WHERE i.customer_id = :customer AND i.currency = :currency AND i.status <> 'DRAFT'
              AND i.issue_date <= :asOf
              AND NOT (i.status = 'VOIDED' AND i.void_date <= :asOf)
              AND NOT (i.status = 'WRITTEN_OFF' AND i.write_off_date <= :asOf)
            ORDER BY i.issue_date, i.number""";

    /**
     * What was credited or paid on invoice {@code i} by the statement date: credit notes from their issue date, the part
     * of them that lowered the invoice's balance; payments from their value date until the date of their reversal.
     */
    private static final String SETTLED_BY_AS_OF = """
            (SELECT coalesce(sum(c.total - c.unapplied_amount), 0) FROM credit_note c
             WHERE c.invoice_id = i.id AND c.issue_date <= :asOf)
            + (SELECT coalesce(sum(p.amount + coalesce(p.discount, 0)), 0) FROM invoice_payment p
               WHERE p.invoice_id = i.id AND p.paid_on <= :asOf AND (p.reversed_on IS NULL OR p.reversed_on > :asOf))""";

    /** Credit notes of the customer that credited more than was due: credits the customer held on the date. */
    private static final String CREDITS = """
            SELECT c.number, c.issue_date, c.total, c.unapplied_amount
            FROM credit_note c
            WHERE c.customer_id = :customer AND c.currency = :currency AND c.issue_date <= :asOf
              AND c.unapplied_amount > 0
            ORDER BY c.issue_date, c.number""";

    /** A credit the customer held: a credit note's amount and the part of it not set off against its invoice. */
    public record CreditEntry(String number, LocalDate issueDate, BigDecimal total, BigDecimal unapplied) {
    }

    public Uni<List<CreditEntry>> credits(UUID customerId, String currency, LocalDate asOf) {
        return Panache.getSession().chain(session -> session.createNativeQuery(CREDITS, Object[].class)
                .setParameter("customer", customerId)
                .setParameter("currency", currency)
                .setParameter("asOf", asOf)
                .getResultList())
                .map(rows -> rows.stream().map(row -> new CreditEntry((String) row[0], (LocalDate) row[1],
                        (BigDecimal) row[2], (BigDecimal) row[3])).toList());
    }

    public Uni<List<InvoiceEntry>> invoices(UUID customerId, String currency, LocalDate asOf) {
        return Panache.getSession().chain(session -> session.createNativeQuery(INVOICES.formatted(SETTLED_BY_AS_OF),
                Object[].class)
                .setParameter("customer", customerId)
                .setParameter("currency", currency)
                .setParameter("asOf", asOf)
                .getResultList())
                .map(rows -> rows.stream().map(row -> new InvoiceEntry((UUID) row[0], (String) row[1],
                        (LocalDate) row[2], (LocalDate) row[3], (BigDecimal) row[4], (BigDecimal) row[5])).toList());
    }
}
