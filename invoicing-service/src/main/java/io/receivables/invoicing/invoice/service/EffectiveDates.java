package io.receivables.invoicing.invoice.service;

import java.time.LocalDate;

import io.receivables.common.problem.ProblemException;
import io.receivables.invoicing.invoice.Invoice;

/**
 * The window for the business date of a change entered after it happened (a void, a write-off): statements and
 * analytics read history by it, so it may lie in the past, but not before the invoice existed, not before what was
 * already paid or credited on it (that history would no longer add up), and not in the future (nothing is known yet).
 */
final class EffectiveDates {

    private EffectiveDates() {
    }

    /**
     * {@code requested}, or {@code today} when absent, once it is within the window.
     *
     * @param lastSettled the latest date of a payment, reversal or credit note on the invoice; null if none
     * @throws ProblemException 400 naming {@code field}
     */
    static LocalDate checked(String field, LocalDate requested, Invoice invoice, LocalDate lastSettled,
            LocalDate today) {
        LocalDate date = requested != null ? requested : today;
        if (date.isBefore(invoice.issueDate)) {
            throw ProblemException.invalid(field, "must not be before the invoice's issue date " + invoice.issueDate);
        }
        if (lastSettled != null && date.isBefore(lastSettled)) {
            throw ProblemException.invalid(field, "must not be before " + lastSettled
                    + ", the date of the last payment or credit applied to the invoice");
        }
        if (date.isAfter(today)) {
            throw ProblemException.invalid(field, "must not be in the future (today is " + today + ", UTC)");
        }
        return date;
    }
}
