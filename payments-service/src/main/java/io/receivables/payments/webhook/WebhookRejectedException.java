package io.receivables.payments.webhook;

import java.util.List;

import io.receivables.common.problem.FieldError;
import io.receivables.common.problem.ProblemException;
import io.receivables.common.problem.ProblemType;

/**
 * A webhook delivery refused before anything is written: a missing, malformed, wrong or stale signature (400 naming the
 * header), or a payload the verified sender should never have sent (400 naming the JSON path). Mapped to problem+json by
 * service-common. The detail never repeats a secret or the expected signature.
 */
public class WebhookRejectedException extends ProblemException {

    public WebhookRejectedException(String field, String message) {
        super(ProblemType.VALIDATION, field + ": " + message, List.of(new FieldError(field, message)));
    }
}
