package io.receivables.invoicing.terms;

import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;

/** Payment terms as data, so that the due date is computed, never typed in by hand. */
public record PaymentTerms(PaymentTermsType type, int days) {

    public static final int MAX_DAYS = 365;

    public PaymentTerms {
        if (type == null) {
            throw new IllegalArgumentException("terms type is required");
        }
        if (days < 0 || days > MAX_DAYS) {
            throw new IllegalArgumentException("terms days must be between 0 and " + MAX_DAYS);
        }
    }

    public LocalDate dueDate(LocalDate issueDate) {
        return switch (type) {
            case NET -> issueDate.plusDays(days);
            case END_OF_MONTH -> issueDate.with(TemporalAdjusters.lastDayOfMonth()).plusDays(days);
        };
    }
}
