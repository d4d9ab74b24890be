package io.receivables.dunning.interest;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * From {@code from} on (that day included) the invoice's overdue amount is {@code amount}, until the next change. A
 * payment received on a day is a change dated that day: no interest accrues on the paid part for that day.
 */
public record BalanceChange(LocalDate from, BigDecimal amount) {
}
