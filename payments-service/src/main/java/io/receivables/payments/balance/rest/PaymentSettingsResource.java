package io.receivables.payments.balance.rest;

import java.time.Instant;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.receivables.common.problem.Problem;
import io.receivables.common.security.Caller;
import io.receivables.payments.balance.service.PaymentSettings;
import io.smallrye.mutiny.Uni;

@Path("/customers/{id}/payment-settings")
@Tag(name = "Credit balances", description = "A customer's unapplied cash, and refunds of it")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PaymentSettingsResource {

    private final PaymentSettings settings;
    private final Caller caller;

    @Inject
    public PaymentSettingsResource(PaymentSettings settings, Caller caller) {
        this.settings = settings;
        this.caller = caller;
    }

    public record PaymentSettingsRequest(
            @Schema(required = true, description = "Apply the customer's unapplied cash to each invoice issued to it from now on") @NotNull Boolean autoApplyCredit) {
    }

    public record PaymentSettingsResponse(UUID customerId, boolean autoApplyCredit,
            @Schema(nullable = true, description = "Null while the customer has the defaults") Instant updatedAt) {
    }

    @GET
    @Operation(operationId = "getPaymentSettings", summary = "A customer's payment settings", description = "Whether its unapplied cash is applied to its next issued invoices automatically (default false).")
    @APIResponse(responseCode = "200", description = "The settings", content = @Content(schema = @Schema(implementation = PaymentSettingsResponse.class)))
    @APIResponse(responseCode = "404", description = "No such customer", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<PaymentSettingsResponse> get(@PathParam("id") UUID id) {
        return settings.get(id).map(PaymentSettingsResource::response);
    }

    @WithTransaction
    @PUT
    @Operation(operationId = "updatePaymentSettings", summary = "Set a customer's payment settings", description = "autoApplyCredit true: when invoicing issues the customer an invoice, its unapplied cash in the invoice's currency (oldest payments first, none in review) is allocated to it, up to what is open, with rule AUTO_APPLY_CREDIT; each payment publishes payment-allocated. Applies to invoices issued after the change. Audited.")
    @APIResponse(responseCode = "200", description = "The settings now in force", content = @Content(schema = @Schema(implementation = PaymentSettingsResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid request, naming the field", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such customer", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<PaymentSettingsResponse> update(@PathParam("id") UUID id,
            @NotNull(message = "a JSON body is required") @Valid PaymentSettingsRequest request) {
        return settings.update(caller.actor(), id, new PaymentSettings.UpdateSettings(request.autoApplyCredit()))
                .map(PaymentSettingsResource::response);
    }

    private static PaymentSettingsResponse response(PaymentSettings.Settings s) {
        return new PaymentSettingsResponse(s.customerId(), s.autoApplyCredit(), s.updatedAt());
    }
}
