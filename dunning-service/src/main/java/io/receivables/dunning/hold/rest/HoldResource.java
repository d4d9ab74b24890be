package io.receivables.dunning.hold.rest;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.receivables.common.concurrency.IfMatch;
import io.receivables.common.idempotency.Idempotency;
import io.receivables.common.problem.FieldError;
import io.receivables.common.problem.Problem;
import io.receivables.common.query.QueryParameters;
import io.receivables.common.security.Caller;
import io.receivables.contracts.events.Actor;
import io.receivables.dunning.hold.service.HoldView;
import io.receivables.dunning.hold.service.ManualHolds;
import io.smallrye.mutiny.Uni;

@Path("/customers/{id}/dunning-holds")
@Tag(name = "Dunning holds", description = "A collector's holds on a customer's reminders, until an end date")
@Produces(MediaType.APPLICATION_JSON)
public class HoldResource {

    private final ManualHolds holds;
    private final Idempotency idempotency;
    private final Caller caller;

    @Inject
    public HoldResource(ManualHolds holds, Idempotency idempotency, Caller caller) {
        this.holds = holds;
        this.idempotency = idempotency;
        this.caller = caller;
    }

    /** A page of holds; {@code nextCursor} is absent on the last page. */
    public record HoldPage(List<HoldResponse> items,
            @Schema(nullable = true, description = "null on the last page") String nextCursor) {
    }

    @WithTransaction
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "placeDunningHold", summary = "Hold a customer's reminders until a day", description = "No reminders for the invoices named, or for the whole account when none are, up to and including until. Refused, nothing written: until missing, in the past or beyond the horizon (receivables.dunning.hold.max-days, 90), no reason (400); an invoice that is not the customer's (422 unknown-reference). Audited.")
    @APIResponse(responseCode = "201", description = "Placed, ACTIVE", headers = @Header(name = HttpHeaders.ETAG), content = @Content(schema = @Schema(implementation = HoldResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid hold, each broken rule named by its field", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such customer", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "An invoice that is not the customer's (named), or Idempotency-Key already used for a different request", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> place(@PathParam("id") UUID id,
            @NotNull(message = "a JSON body is required") @Valid HoldRequest request,
            @Parameter(name = Idempotency.HEADER, in = ParameterIn.HEADER, description = Idempotency.HEADER_DESCRIPTION) @HeaderParam(Idempotency.HEADER) String idempotencyKey,
            UriInfo uri) {
        Actor actor = caller.actor();
        return idempotency.handle(idempotencyKey, "POST /customers/" + id + "/dunning-holds", request,
                () -> holds.place(actor, request.command(id)).map(view -> Response
                        .created(uri.getAbsolutePathBuilder().path(view.hold().id.toString()).build())
                        .tag(IfMatch.etag(view.hold().version)).entity(HoldResponse.of(view)).build()));
    }

    @GET
    @Operation(operationId = "listDunningHolds", summary = "A customer's manual holds, newest first", description = "Active, past and released ones. Cursor pagination: pass nextCursor as cursor for the next page.")
    @APIResponse(responseCode = "200", description = "A page of holds", content = @Content(schema = @Schema(implementation = HoldPage.class)))
    @APIResponse(responseCode = "400", description = "A bad limit or cursor, named", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such customer", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<HoldPage> list(@PathParam("id") UUID id,
            @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor,
            @Parameter(description = "Page size, 1 to 100; default 50", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100", defaultValue = "50")) @QueryParam("limit") String limit) {
        List<FieldError> errors = new ArrayList<>();
        String validCursor = QueryParameters.text("cursor", cursor, errors);
        int size = QueryParameters.limit("limit", limit, 50, 100, errors);
        QueryParameters.rejectIfAny(errors);
        return holds.list(id, validCursor, size).map(page -> new HoldPage(
                page.items().stream().map(HoldResponse::of).toList(), page.nextCursor()));
    }

    @GET
    @Path("{holdId}")
    @Operation(operationId = "getDunningHold", summary = "One manual hold", description = "The ETag is the version to send in If-Match.")
    @APIResponse(responseCode = "200", description = "The hold", headers = @Header(name = HttpHeaders.ETAG), content = @Content(schema = @Schema(implementation = HoldResponse.class)))
    @APIResponse(responseCode = "404", description = "No such hold of this customer", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> get(@PathParam("id") UUID id, @PathParam("holdId") UUID holdId) {
        return holds.get(id, holdId).map(HoldResource::ok);
    }

    @WithTransaction
    @POST
    @Path("{holdId}/release")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "releaseDunningHold", summary = "End a manual hold now", description = "Needs If-Match. The hold becomes RELEASED and holds nothing from now on; the next run reminds as if it had never been. Audited.")
    @APIResponse(responseCode = "200", description = "Released", headers = @Header(name = HttpHeaders.ETAG), content = @Content(schema = @Schema(implementation = HoldResponse.class)))
    @APIResponse(responseCode = "404", description = "No such hold of this customer", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Released already", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "The hold changed since it was read", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "If-Match is missing", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> release(@PathParam("id") UUID id, @PathParam("holdId") UUID holdId,
            @Parameter(description = "The ETag from GET, e.g. \"1\"") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull(message = "a JSON body is required") @Valid ReleaseHoldRequest request) {
        Actor actor = caller.actor();
        return IfMatch.expecting(ifMatch, expected -> holds.release(actor, id, holdId, expected, request.reason()))
                .map(HoldResource::ok);
    }

    private static Response ok(HoldView view) {
        return Response.ok(HoldResponse.of(view)).tag(IfMatch.etag(view.hold().version)).build();
    }
}
