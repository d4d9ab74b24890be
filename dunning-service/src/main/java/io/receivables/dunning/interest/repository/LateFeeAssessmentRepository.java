package io.receivables.dunning.interest.repository;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.receivables.dunning.interest.LateFeeAssessment;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class LateFeeAssessmentRepository implements PanacheRepositoryBase<LateFeeAssessment, LateFeeAssessment.Key> {

    /**
     * Waits for, then holds until the caller's transaction ends, the invoice's assessment lock: assessments of one
     * invoice run one after the other on every replica, so each sees what the one before charged.
     */
    public Uni<Void> lockInvoice(UUID invoiceId) {
        return getSession().chain(session -> session
                .createNativeQuery("SELECT 1 FROM pg_advisory_xact_lock(hashtextextended(:invoice, 0))",
                        Integer.class)
                .setParameter("invoice", "late-fee-assessment:" + invoiceId).getSingleResult())
                .replaceWithVoid();
    }

    /** What earlier steps charged the invoice. */
    public record Charged(boolean stepAssessed, BigDecimal interest, LocalDate lastAssessmentDate,
            boolean compensationCharged) {
    }

    public Uni<Charged> charged(UUID invoiceId, int step) {
        return getSession().chain(session -> session.createNativeQuery("""
                SELECT coalesce(bool_or(step = :step), false), coalesce(sum(interest), 0), max(assessment_date),
                       coalesce(bool_or(compensation > 0), false)
                FROM late_fee_assessment WHERE invoice_id = :invoice""", Object[].class)
                .setParameter("step", step).setParameter("invoice", invoiceId).getSingleResult())
                .map(row -> new Charged((Boolean) row[0], (BigDecimal) row[1], date(row[2]), (Boolean) row[3]));
    }

    private static LocalDate date(Object value) {
        return switch (value) {
            case null -> null;
            case LocalDate date -> date;
            case Date date -> date.toLocalDate();
            default -> throw new IllegalStateException("not a date: " + value.getClass());
        };
    }
}
