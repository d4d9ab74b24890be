package io.receivables.common.limits;

import java.math.BigDecimal;
import java.util.List;

import io.receivables.common.problem.FieldError;

/**
 * What a PostgreSQL {@code NUMERIC(precision, scale)} column holds: at most {@code precision - scale} digits before the
 * point and {@code scale} after it. A value beyond it would fail the insert (a 500 after validation passed) or be
 * rounded silently, so it is refused at the edge, naming the field.
 */
public record NumericColumn(int precision, int scale) {

    /** The smallest value too large for the column, e.g. 10^13 for NUMERIC(19, 6). */
    public BigDecimal bound() {
        return BigDecimal.TEN.pow(precision - scale);
    }

    public boolean fits(BigDecimal value) {
        return value.abs().compareTo(bound()) < 0 && value.stripTrailingZeros().scale() <= scale;
    }

    /** Adds the reason to {@code errors} when {@code value} does not fit. */
    public void check(String field, BigDecimal value, List<FieldError> errors) {
        if (value == null) {
            return;
        }
        if (value.abs().compareTo(bound()) >= 0) {
            errors.add(new FieldError(field, "must be less than " + bound().toPlainString() + " (at most "
                    + (precision - scale) + " digits before the decimal point)"));
        } else if (value.stripTrailingZeros().scale() > scale) {
            errors.add(new FieldError(field, "must have at most " + scale + " decimal places"));
        }
    }
}
