package io.receivables.payments.webhook.rest;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.receivables.common.problem.Problem;
import io.receivables.common.problem.ProblemException;
import io.receivables.common.problem.ProblemType;
import io.receivables.payments.webhook.PaymentWebhookCommand;
import io.receivables.payments.webhook.PaymentWebhookParser;
import io.receivables.payments.webhook.StandardWebhookVerifier;
import io.receivables.payments.webhook.WebhookRejectedException;
import io.receivables.payments.webhook.service.PaymentWebhooks;
import io.receivables.payments.webhook.service.ProcessedWebhooks;
import io.smallrye.mutiny.Uni;

/**
 * The generic payments webhook for providers other than Stripe, signed as the Standard Webhooks specification says
 * ({@link StandardWebhookVerifier}). Like Stripe's, it takes no bearer token: the role matrix marks it public-signed
 * (docs/security.md#signed-webhooks), and each delivery is authenticated by its signature over the body bytes exactly
 * as received, before anything is read or written.
 */
@Path("/webhooks/payments")
@Tag(name = "Webhooks", description = "Payment providers' notifications, authenticated by their signature")
@Produces(MediaType.APPLICATION_JSON)
public class PaymentWebhookResource {

    private static final Logger LOG = Logger.getLogger(PaymentWebhookResource.class);

    private final Optional<StandardWebhookVerifier> verifier;
    private final PaymentWebhooks webhooks;
    private final PaymentWebhookParser parser = new PaymentWebhookParser();

    @Inject
    public PaymentWebhookResource(@ConfigProperty(name = "receivables.payments.webhook.secret") Optional<String> secret,
            PaymentWebhooks webhooks, Clock clock) {
        this.verifier = secret.filter(s -> !s.isBlank()).flatMap(s -> verifier(s, clock));
        this.webhooks = webhooks;
    }

    /** What a delivery did; the provider only needs the 2xx. */
    public record PaymentWebhookReceipt(String webhookId, boolean duplicate, String outcome,
            @Schema(nullable = true) UUID paymentId) {
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Operation(operationId = "receivePaymentWebhook", summary = "Receive a payment provider's event (Standard Webhooks)", description = "Needs no bearer token: authenticated by webhook-id, webhook-timestamp and webhook-signature (Standard Webhooks: base64 HMAC-SHA256 of '<id>.<timestamp>.<body>' keyed with the base64 part of the whsec_ secret, timestamp within 5 minutes). Body {type, timestamp, data}: payment.received records a payment (data.id deduplicates it; data.metadata.invoiceId is allocated when open), payment.reversed reverses the payment received under data.id. Each webhook-id is applied once: a redelivery answers 200 with duplicate true.")
    @Extension(name = "x-authenticated-by", value = StandardWebhookVerifier.SIGNATURE_HEADER)
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT, description = "{\"type\": \"payment.received\" | \"payment.reversed\", \"timestamp\": optional, \"data\": {...}}: see docs/payments.md#generic-payments-webhook")))
    @APIResponse(responseCode = "200", description = "Applied, or processed before (duplicate)", content = @Content(schema = @Schema(implementation = PaymentWebhookReceipt.class)))
    @APIResponse(responseCode = "400", description = "A missing, bad or stale signature header, or a payload field that is missing or wrong (its JSON path named); nothing written", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "payment.reversed for a payment refunded in part; nothing written", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "No valid secret configured (receivables.payments.webhook.secret, whsec_<base64>): nothing is accepted", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<PaymentWebhookReceipt> receive(byte[] body,
            @Parameter(name = StandardWebhookVerifier.ID_HEADER, in = ParameterIn.HEADER, required = true, description = "The delivery's id, the same on every retry") @HeaderParam(StandardWebhookVerifier.ID_HEADER) String id,
            @Parameter(name = StandardWebhookVerifier.TIMESTAMP_HEADER, in = ParameterIn.HEADER, required = true, description = "Unix seconds when it was signed") @HeaderParam(StandardWebhookVerifier.TIMESTAMP_HEADER) String timestamp,
            @Parameter(name = StandardWebhookVerifier.SIGNATURE_HEADER, in = ParameterIn.HEADER, required = true, description = "v1,<base64 signature>, several separated by spaces") @HeaderParam(StandardWebhookVerifier.SIGNATURE_HEADER) String signature) {
        if (verifier.isEmpty()) {
            return Uni.createFrom().failure(new ProblemException(ProblemType.UNAVAILABLE,
                    "The payments webhook is not configured here (receivables.payments.webhook.secret)", List.of()));
        }
        byte[] raw = body == null ? new byte[0] : body;
        return Uni.createFrom().item(() -> {
            String webhookId = verifier.get().verify(raw, id, timestamp, signature);
            if (webhookId.length() > ProcessedWebhooks.MAX_ID_LENGTH) {
                throw new WebhookRejectedException(StandardWebhookVerifier.ID_HEADER, "must be at most "
                        + ProcessedWebhooks.MAX_ID_LENGTH + " characters");
            }
            return new Verified(webhookId, parser.parse(raw));
        }).chain(verified -> Panache.withTransaction(() -> webhooks.apply(verified.id(), verified.command())))
                .map(done -> new PaymentWebhookReceipt(done.webhookId(), done.duplicate(), done.outcome(), done.paymentId()));
    }

    private record Verified(String id, PaymentWebhookCommand command) {
    }

    /** A secret that is not {@code whsec_<base64 key>} makes the endpoint unavailable, not the service. */
    private static Optional<StandardWebhookVerifier> verifier(String secret, Clock clock) {
        try {
            return Optional.of(new StandardWebhookVerifier(secret.strip(), clock));
        } catch (IllegalArgumentException e) {
            LOG.errorf("receivables.payments.webhook.secret is not usable (%s): POST /webhooks/payments answers 503",
                    e.getMessage());
            return Optional.empty();
        }
    }
}
