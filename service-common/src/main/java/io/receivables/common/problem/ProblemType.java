package io.receivables.common.problem;

import java.net.URI;

/** The stable problem types every service uses; documented in docs/errors.md. */
public enum ProblemType {
    VALIDATION("validation", "Request is invalid", 400),
    MALFORMED_JSON("malformed-json", "Request body is not valid JSON", 400),
    UNKNOWN_REFERENCE("unknown-reference", "Request refers to something that does not exist", 422),
    UNAUTHORIZED("unauthorized", "A valid bearer token is required", 401),
    FORBIDDEN("forbidden", "Your roles do not allow this operation", 403),
    NOT_FOUND("not-found", "Resource not found", 404),
    CONFLICT("conflict", "Request conflicts with the current state", 409),
    PRECONDITION_FAILED("precondition-failed", "The resource changed since you read it", 412),
    PRECONDITION_REQUIRED("precondition-required", "An If-Match header is required", 428),
    CREDIT_LIMIT_EXCEEDED("credit-limit-exceeded", "The customer's credit limit would be exceeded", 422),
    IDEMPOTENCY_KEY_REUSED("idempotency-key-reused", "Idempotency-Key was already used for a different request", 422),
    MISSING_BILLING_DATA("missing-billing-data", "Billing data the requested document needs is missing", 422),
    CURRENCY_NOT_SUPPORTED_BY_FORMAT("currency-not-supported-by-format",
            "The requested document format cannot express amounts in the document's currency", 422),
    CREDIT_EXCEEDS_INVOICE("credit-exceeds-invoice", "The credit notes would exceed the invoice's total", 422),
    EVENT_NOT_APPLICABLE("event-not-applicable", "The event still cannot be applied", 422),
    // disputes-service (docs/disputes.md#errors)
    INVOICE_NOT_DISPUTABLE("invoice-not-disputable", "The invoice cannot be disputed in its state", 409),
    ILLEGAL_TRANSITION("illegal-transition", "The dispute's workflow does not allow this change of state", 409),
    DISPUTE_CREDITED("dispute-credited", "A dispute that credited the customer cannot be reopened", 409),
    // dunning templates (docs/dunning.md#templates)
    TEMPLATE_INVALID("template-invalid", "The template does not compile or uses a value its data does not have", 422),
    PAYLOAD_TOO_LARGE("payload-too-large", "Request is too large", 413),
    URI_TOO_LONG("uri-too-long", "Request URI is too long", 414),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", "Request body has a media type this operation does not take", 415),
    HTTP_ERROR("http-error", "HTTP error", 0),
    UNAVAILABLE("unavailable", "A dependency is unavailable; retry later", 503),
    INTERNAL("internal", "Internal error", 500);

    private static final String BASE = "https://receivables.io/problems/";

    private final URI uri;
    private final String title;
    private final int status;

    ProblemType(String slug, String title, int status) {
        this.uri = URI.create(BASE + slug);
        this.title = title;
        this.status = status;
    }

    public URI uri() {
        return uri;
    }

    public String title() {
        return title;
    }

    public int status() {
        return status;
    }
}
