package io.receivables.common.problem;

import java.util.List;

/** Thrown by domain code for a rejection a client can act on; mapped to problem+json by {@link ProblemMappers}. */
public class ProblemException extends RuntimeException {

    private final ProblemType type;
    private final List<FieldError> errors;

    public ProblemException(ProblemType type, String detail, List<FieldError> errors) {
        super(detail);
        this.type = type;
        this.errors = List.copyOf(errors);
    }

    public static ProblemException invalid(String field, String message) {
        return new ProblemException(ProblemType.VALIDATION, field + ": " + message, List.of(new FieldError(field, message)));
    }

    public static ProblemException invalid(List<FieldError> errors) {
        return new ProblemException(ProblemType.VALIDATION, errors.size() + " field(s) rejected", errors);
    }

    public static ProblemException unknownReference(String field, String message) {
        return new ProblemException(ProblemType.UNKNOWN_REFERENCE, field + ": " + message,
                List.of(new FieldError(field, message)));
    }

    public static ProblemException preconditionFailed(String detail) {
        return new ProblemException(ProblemType.PRECONDITION_FAILED, detail, List.of());
    }

    public static ProblemException preconditionRequired(String detail) {
        return new ProblemException(ProblemType.PRECONDITION_REQUIRED, detail,
                List.of(new FieldError("If-Match", "required: send the ETag of the version you read")));
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(ProblemType.NOT_FOUND, detail, List.of());
    }

    public static ProblemException idempotencyKeyReused(String detail) {
        return new ProblemException(ProblemType.IDEMPOTENCY_KEY_REUSED, detail, List.of());
    }

    public ProblemType type() {
        return type;
    }

    public List<FieldError> errors() {
        return errors;
    }
}
