package io.receivables.invoicing.creditnote.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.receivables.invoicing.creditnote.CreditNote;
import io.receivables.invoicing.creditnote.CreditNoteLine;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class CreditNoteRepository implements PanacheRepositoryBase<CreditNote, UUID> {

    @WithSession
    public Uni<CreditNote> findWithLines(UUID id) {
        return find("select c from CreditNote c left join fetch c.lines where c.id = ?1", id).firstResult();
    }

    /** An invoice's credit notes with their lines, oldest number first. */
    @WithSession
    public Uni<List<CreditNote>> ofInvoice(UUID invoiceId) {
        return find("select distinct c from CreditNote c left join fetch c.lines where c.invoiceId = ?1"
                + " order by c.number", invoiceId).list();
    }

    /** The lines of every credit note of the invoice so far; in the caller's session. */
    public Uni<List<CreditNoteLine>> linesOfInvoice(UUID invoiceId) {
        return Panache.getSession().chain(session -> session
                .createSelectionQuery("from CreditNoteLine l where l.creditNote.invoiceId = :invoice",
                        CreditNoteLine.class)
                .setParameter("invoice", invoiceId).getResultList());
    }

    /** Whether a credit note for this dispute exists; in the caller's session. */
    public Uni<Boolean> existsForDispute(UUID disputeId) {
        return count("disputeId", disputeId).map(count -> count > 0);
    }
}
