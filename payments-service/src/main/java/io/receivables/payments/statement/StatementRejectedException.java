package io.receivables.payments.statement;

import java.util.List;

import io.receivables.common.problem.FieldError;
import io.receivables.common.problem.ProblemException;
import io.receivables.common.problem.ProblemType;

/**
 * A statement file refused whole, nothing of it to be written: problem+json through service-common's mapper, each error
 * naming the entry (camt path and line, or CSV line) and the field.
 */
public class StatementRejectedException extends ProblemException {

    /** At most this many errors are listed: a file of 10,000 bad lines needs the first few to be fixed, not all. */
    public static final int MAX_ERRORS = 100;

    StatementRejectedException(ProblemType type, String detail, List<FieldError> errors) {
        super(type, detail, errors);
    }

    public static StatementRejectedException invalid(List<FieldError> errors) {
        String detail = errors.size() == 1
                ? errors.get(0).field() + ": " + errors.get(0).message()
                : errors.size() + (errors.size() >= MAX_ERRORS ? " or more" : "") + " errors in the statement; first: "
                        + errors.get(0).field() + ": " + errors.get(0).message();
        return new StatementRejectedException(ProblemType.VALIDATION, detail, errors);
    }

    public static StatementRejectedException invalid(String field, String message) {
        return invalid(List.of(new FieldError(field, message)));
    }

    public static StatementRejectedException tooLarge(String field, String message) {
        return new StatementRejectedException(ProblemType.PAYLOAD_TOO_LARGE, field + ": " + message,
                List.of(new FieldError(field, message)));
    }
}
