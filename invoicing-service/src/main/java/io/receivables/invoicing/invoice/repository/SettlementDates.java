package io.receivables.invoicing.invoice.repository;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/** The business dates of what was paid or credited on an invoice, which a later-dated change must not precede. */
@ApplicationScoped
public class SettlementDates {

    // greatest() skips NULLs: an invoice without payments or credit notes has no date
    private static final String LAST = """
            SELECT greatest(
                (SELECT max(c.issue_date) FROM credit_note c WHERE c.invoice_id = :invoice),
                (SELECT max(greatest(p.paid_on, p.reversed_on)) FROM invoice_payment p WHERE p.invoice_id = :invoice))""";

    /** The latest date of a credit note, payment or payment reversal on the invoice; null when there is none. */
    public Uni<LocalDate> last(UUID invoiceId) {
        return Panache.getSession().chain(session -> session.createNativeQuery(LAST, LocalDate.class)
                .setParameter("invoice", invoiceId)
                .getSingleResultOrNull());
    }
}
