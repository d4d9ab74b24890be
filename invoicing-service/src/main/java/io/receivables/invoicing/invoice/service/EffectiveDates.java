package io.receivables.invoicing.invoice.service;

import java.time.LocalDate;

import io.receivables.common.problem.ProblemException;
import io.receivables.invoicing.invoice.Invoice;

/**
 * The window for the business date of a change entered after it happened (a void, a write-off): statements and
 * analytics read history by it, so it may lie in the past, but not before the invoice existed, not before what was
 * already paid or credited on it (that history would no longer add up), and not in the future (nothing is known yet).
 * An invoice dated ahead (or paid with a value date ahead) can only end on its earliest date, which is then the default:
 * it never counted as open before it.
 */
final class EffectiveDates {

    private EffectiveDates() {
    }

    /**
     * {@code requested} once it is within the window, or when absent today (the earliest date of the window if that is
     * later).
     *
     * @param lastSettled the latest date of a payment, reversal or credit note on the invoice; null if none
     * @throws ProblemException 400 naming {@code field}
     */
    static LocalDate checked(String field, LocalDate requested, Invoice invoice, LocalDate lastSettled,
            LocalDate today) {
        LocalDate earliest = lastSettled != null && lastSettled.isAfter(invoice.issueDate) ? lastSettled
                : invoice.issueDate;
        LocalDate latest = today.isAfter(earliest) ? today : earliest;
        if (requested == null) {
            return latest;
        }
        if (requested.isBefore(invoice.issueDate)) {
            throw ProblemException.invalid(field, "must not be before the invoice's issue date " + invoice.issueDate);
        }
        if (requested.isBefore(earliest)) {
            throw ProblemException.invalid(field, "must not be before " + lastSettled
                    + ", the date of the last payment or credit applied to the invoice");
        }
        if (requested.isAfter(latest)) {
            throw ProblemException.invalid(field, latest.equals(today)
                    ? "must not be in the future (today is " + today + ", UTC)"
                    : "must not be after " + latest + ", the invoice's earliest date, which lies in the future");
        }
        return requested;
    }
}
