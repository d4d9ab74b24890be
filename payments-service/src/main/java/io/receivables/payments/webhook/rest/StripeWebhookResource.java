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

import io.quarkus.hibernate.reactive.panache.Panache;
import io.receivables.common.problem.Problem;
import io.receivables.common.problem.ProblemException;
import io.receivables.common.problem.ProblemType;
import io.receivables.payments.webhook.StripeEventParser;
import io.receivables.payments.webhook.StripeSignatureVerifier;
import io.receivables.payments.webhook.service.StripeWebhooks;
import io.smallrye.mutiny.Uni;

/**
 * Stripe's webhook. Stripe cannot send our bearer token: the role matrix marks this operation public-signed
 * (docs/security.md#signed-webhooks) and each delivery is authenticated by its Stripe-Signature instead, over the body
 * bytes exactly as received, before anything is read or written.
 */
@Path("/webhooks/stripe")
@Tag(name = "Webhooks", description = "Payment providers' notifications, authenticated by their signature")
@Produces(MediaType.APPLICATION_JSON)
public class StripeWebhookResource {

    private final Optional<String> secret;
    private final StripeWebhooks webhooks;
    private final Clock clock;
    private final StripeEventParser parser = new StripeEventParser();

    @Inject
    public StripeWebhookResource(
            @ConfigProperty(name = "receivables.payments.stripe.webhook-secret") Optional<String> secret,
            StripeWebhooks webhooks, Clock clock) {
        this.secret = secret.filter(s -> !s.isBlank());
        this.webhooks = webhooks;
        this.clock = clock;
    }

    /** What a delivery did; Stripe only needs the 2xx. */
    public record WebhookReceipt(String eventId, boolean duplicate, String outcome,
            @Schema(nullable = true) UUID paymentId) {
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Operation(operationId = "receiveStripeWebhook", summary = "Receive a Stripe event", description = "Needs no bearer token: authenticated by the Stripe-Signature header (HMAC-SHA256 of the raw body with the endpoint's signing secret, timestamp within 300 s). payment_intent.succeeded records a payment (its PaymentIntent id deduplicates; metadata.invoice_id is allocated when open), charge.dispute.created reverses it as a chargeback; charge.refunded refunds the difference of amount_refunded (cumulative) to what was refunded before, from unapplied cash then allocations (refund-issued, payment-unallocated); charge.dispute.closed won receives the funds again as a new payment (the dispute id deduplicates), lost or other statuses are recorded only. Each event id is applied once: a redelivery answers 200 with duplicate true.")
    @Extension(name = "x-authenticated-by", value = "Stripe-Signature")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT, description = "Stripe's event object, as Stripe sends it")))
    @APIResponse(responseCode = "200", description = "Applied, or processed before (duplicate)", content = @Content(schema = @Schema(implementation = WebhookReceipt.class)))
    @APIResponse(responseCode = "400", description = "Missing, bad or stale Stripe-Signature, or an event the parser cannot read (its JSON path named); nothing written", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "No webhook secret configured (receivables.payments.stripe.webhook-secret): nothing is accepted", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<WebhookReceipt> receive(byte[] body,
            @Parameter(name = StripeSignatureVerifier.HEADER, in = ParameterIn.HEADER, required = true, description = "t=<unix seconds>,v1=<hex HMAC-SHA256>") @HeaderParam(StripeSignatureVerifier.HEADER) String signature) {
        if (secret.isEmpty()) {
            return Uni.createFrom().failure(new ProblemException(ProblemType.UNAVAILABLE,
                    "Stripe webhooks are not configured here (receivables.payments.stripe.webhook-secret)", List.of()));
        }
        byte[] raw = body == null ? new byte[0] : body;
        return Uni.createFrom().item(() -> {
            new StripeSignatureVerifier(secret.get(), clock).verify(raw, signature);
            return parser.parse(raw);
        }).chain(command -> Panache.withTransaction(() -> webhooks.apply(command)))
                .map(done -> new WebhookReceipt(done.eventId(), done.duplicate(), done.outcome(), done.paymentId()));
    }
}
