package io.receivables.invoicing.invoice.service;

import java.math.BigDecimal;

/** A line's amounts in the invoice currency's minor units. */
public record LineAmounts(BigDecimal netAmount, BigDecimal taxAmount) {
}
