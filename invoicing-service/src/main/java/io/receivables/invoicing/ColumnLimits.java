package io.receivables.invoicing;

import io.receivables.common.limits.NumericColumn;

/**
 * What this service's tables hold (the Liquibase changelog in db/), so that a value beyond it is a 400 naming the field
 * instead of a failed insert. Documented for clients in docs/api-limits.md.
 */
public final class ColumnLimits {

    /** {@code quantity}, {@code unit_price} of invoice and credit-note lines: NUMERIC(19, 6), below 10^13. */
    public static final NumericColumn LINE_DECIMAL = new NumericColumn(19, 6);

    /** {@code tax_rate}, {@code terms_discount_rate}: NUMERIC(7, 6). */
    public static final NumericColumn RATE = new NumericColumn(7, 6);

    /** Every amount (net, tax, totals, amount due, credit limit): NUMERIC(19, 4), below 10^15. */
    public static final NumericColumn AMOUNT = new NumericColumn(19, 4);

    private ColumnLimits() {
    }
}
