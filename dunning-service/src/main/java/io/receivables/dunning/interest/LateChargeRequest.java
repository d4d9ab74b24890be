package io.receivables.dunning.interest;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * What the calculation needs about one overdue invoice on one assessment date.
 *
 * @param balances the overdue amount over time, oldest first; the first change must be dated no later than the first
 *        day of interest (the day after {@code dueDate}), none after {@code assessmentDate}
 * @param stepFee the fixed fee of the dunning step, as the caller's policy says; null for none
 * @param compensationAlreadyCharged whether the invoice was already charged its fixed compensation (once per invoice)
 * @param feeInvoice whether the invoice is itself a fee invoice: it is charged nothing (a quote of zero)
 */
public record LateChargeRequest(String currency, LocalDate dueDate, LocalDate assessmentDate,
        List<BalanceChange> balances, BigDecimal stepFee, boolean compensationAlreadyCharged, boolean feeInvoice) {

    public LateChargeRequest {
        balances = List.copyOf(balances);
    }
}
