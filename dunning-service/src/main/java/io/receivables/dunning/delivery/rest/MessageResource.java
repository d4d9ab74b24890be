package io.receivables.dunning.delivery.rest;

import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.receivables.common.problem.Problem;
import io.receivables.common.security.Caller;
import io.receivables.dunning.delivery.service.Deliveries;
import io.receivables.dunning.delivery.service.MessageViews;
import io.smallrye.mutiny.Uni;

@Path("/messages/{id}")
@Tag(name = "Delivery", description = "Dunning messages and their delivery on every channel")
@Produces(MediaType.APPLICATION_JSON)
public class MessageResource {

    private final MessageViews views;
    private final Deliveries deliveries;
    private final Caller caller;

    @Inject
    public MessageResource(MessageViews views, Deliveries deliveries, Caller caller) {
        this.views = views;
        this.deliveries = deliveries;
        this.caller = caller;
    }

    @WithSession
    @GET
    @Operation(operationId = "getMessage", summary = "A dunning message and its delivery", description = "What the run decided (channel, recipient, template, invoices with their steps and amounts) and where its delivery stands: status, attempts, the next attempt, the last error, when it was sent or bounced; a phone task's state; a letter's download path.")
    @APIResponse(responseCode = "200", description = "The message", content = @Content(schema = @Schema(implementation = MessageResponse.class)))
    @APIResponse(responseCode = "404", description = "No such message", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<MessageResponse> get(@PathParam("id") UUID id) {
        return views.get(id).map(view -> MessageResponse.of(view.message(), view.invoices(), view.task()));
    }

    @WithTransaction
    @POST
    @Path("bounce")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "reportMessageBounce", summary = "Report that a sent message bounced", description = "For the SMTP relay's or the SMS provider's callback (a service account): a SENT message becomes BOUNCED with the reason. Any other status is 409 (a repeated callback too). Audited.")
    @APIResponse(responseCode = "200", description = "The message, BOUNCED", content = @Content(schema = @Schema(implementation = MessageResponse.class)))
    @APIResponse(responseCode = "400", description = "No reason, or one too long", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such message", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The message is not SENT", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<MessageResponse> bounce(@PathParam("id") UUID id,
            @NotNull(message = "a JSON body is required") @Valid BounceRequest request) {
        return deliveries.markBounced(caller.actor(), id, request.reason().strip())
                .chain(message -> views.get(message.id))
                .map(view -> MessageResponse.of(view.message(), view.invoices(), view.task()));
    }
}
