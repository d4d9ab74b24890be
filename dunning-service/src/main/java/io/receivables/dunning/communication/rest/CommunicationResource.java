package io.receivables.dunning.communication.rest;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.receivables.common.problem.FieldError;
import io.receivables.common.problem.Problem;
import io.receivables.common.query.QueryParameters;
import io.receivables.dunning.delivery.rest.MessageResponse;
import io.receivables.dunning.delivery.service.MessageViews;
import io.smallrye.mutiny.Uni;

@Path("/customers/{id}/communications")
@Tag(name = "Delivery", description = "Dunning messages and their delivery on every channel")
@Produces(MediaType.APPLICATION_JSON)
public class CommunicationResource {

    private final MessageViews views;

    @Inject
    public CommunicationResource(MessageViews views) {
        this.views = views;
    }

    /** A page of the log; {@code nextCursor} is absent on the last page. */
    public record CommunicationPage(List<MessageResponse> items,
            @Schema(nullable = true, description = "null on the last page") String nextCursor) {
    }

    @WithSession
    @GET
    @Operation(operationId = "listCustomerCommunications", summary = "A customer's communication log, newest first", description = "Every dunning message to the customer on every channel, a phone task included (with its state and outcome): when, channel, recipient, template and language, the invoices with their steps and amounts, the amounts asked for, the delivery status, attempts and the last error. Cursor pagination.")
    @APIResponse(responseCode = "200", description = "A page of the log", content = @Content(schema = @Schema(implementation = CommunicationPage.class)))
    @APIResponse(responseCode = "400", description = "A bad limit or cursor, named", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such customer", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<CommunicationPage> list(@PathParam("id") UUID id,
            @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor,
            @Parameter(description = "Page size, 1 to 100; default 50", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100", defaultValue = "50")) @QueryParam("limit") String limit) {
        List<FieldError> errors = new ArrayList<>();
        String validCursor = QueryParameters.text("cursor", cursor, errors);
        int size = QueryParameters.limit("limit", limit, 50, 100, errors);
        QueryParameters.rejectIfAny(errors);
        return views.ofCustomer(id, validCursor, size).map(page -> new CommunicationPage(page.items().stream()
                .map(view -> MessageResponse.of(view.message(), view.invoices(), view.task())).toList(),
                page.nextCursor()));
    }
}
