package io.receivables.dunning.promise.rest;

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
import io.receivables.dunning.promise.service.PromiseView;
import io.receivables.dunning.promise.service.Promises;
import io.smallrye.mutiny.Uni;

/**
 * A customer's promises to pay. A portal user (role customer) makes and reads its own customer's promises only: another
 * customer's are 404, as if they did not exist (Caller.requireMayRead).
 */
@Path("/customers/{id}/promises-to-pay")
@Tag(name = "Promises to pay", description = "Promises that hold reminders until their date plus a grace period; kept or broken by the payments that follow")
@Produces(MediaType.APPLICATION_JSON)
public class PromiseResource {

    private final Promises promises;
    private final Idempotency idempotency;
    private final Caller caller;

    @Inject
    public PromiseResource(Promises promises, Idempotency idempotency, Caller caller) {
        this.promises = promises;
        this.idempotency = idempotency;
        this.caller = caller;
    }

    /** A page of promises; {@code nextCursor} is absent on the last page. */
    public record PromisePage(List<PromiseResponse> items,
            @Schema(nullable = true, description = "null on the last page") String nextCursor) {
    }

    @WithTransaction
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "makePromiseToPay", summary = "Record a promise to pay", description = "The customer promises to pay amount on some of its open invoices by promisedDate. Until promisedDate plus the grace period (receivables.dunning.promise.grace-days, 3) the run sends no reminder for those invoices. Refused, nothing written: promisedDate in the past or too far ahead, amount not above 0 or above what is collectable on the invoices (open less disputed), another currency than the invoices' (400); an unknown invoice or another customer's (422 unknown-reference); an invoice with nothing open or under another OPEN promise (409). Publishes promise-made. A customer token records promises for its own customer only.")
    @APIResponse(responseCode = "201", description = "Recorded, OPEN", headers = @Header(name = HttpHeaders.ETAG), content = @Content(schema = @Schema(implementation = PromiseResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid promise, each broken rule named by its field", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such customer", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "An invoice has nothing open or is under another OPEN promise (named)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "An invoice that is not the customer's (named), or Idempotency-Key already used for a different request", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> make(@PathParam("id") UUID id,
            @NotNull(message = "a JSON body is required") @Valid PromiseRequest request,
            @Parameter(name = Idempotency.HEADER, in = ParameterIn.HEADER, description = Idempotency.HEADER_DESCRIPTION) @HeaderParam(Idempotency.HEADER) String idempotencyKey,
            UriInfo uri) {
        caller.requireMayRead(id, "No customer " + id);
        Actor actor = caller.actor();
        return idempotency.handle(idempotencyKey, "POST /customers/" + id + "/promises-to-pay", request,
                () -> promises.make(actor, request.command(id)).map(view -> Response
                        .created(uri.getAbsolutePathBuilder().path(view.promise().id.toString()).build())
                        .tag(IfMatch.etag(view.promise().version)).entity(PromiseResponse.of(view)).build()));
    }

    @GET
    @Operation(operationId = "listPromisesToPay", summary = "A customer's promises to pay, newest first", description = "Every state. Cursor pagination: pass nextCursor as cursor for the next page.")
    @APIResponse(responseCode = "200", description = "A page of promises", content = @Content(schema = @Schema(implementation = PromisePage.class)))
    @APIResponse(responseCode = "400", description = "A bad limit or cursor, named", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such customer", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<PromisePage> list(@PathParam("id") UUID id,
            @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor,
            @Parameter(description = "Page size, 1 to 100; default 50", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100", defaultValue = "50")) @QueryParam("limit") String limit) {
        List<FieldError> errors = new ArrayList<>();
        String validCursor = QueryParameters.text("cursor", cursor, errors);
        int size = QueryParameters.limit("limit", limit, 50, 100, errors);
        QueryParameters.rejectIfAny(errors);
        caller.requireMayRead(id, "No customer " + id);
        return promises.list(id, validCursor, size).map(page -> new PromisePage(
                page.items().stream().map(PromiseResponse::of).toList(), page.nextCursor()));
    }

    @GET
    @Path("{promiseId}")
    @Operation(operationId = "getPromiseToPay", summary = "One promise to pay", description = "The ETag is the version to send in If-Match.")
    @APIResponse(responseCode = "200", description = "The promise", headers = @Header(name = HttpHeaders.ETAG), content = @Content(schema = @Schema(implementation = PromiseResponse.class)))
    @APIResponse(responseCode = "404", description = "No such promise of this customer", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> get(@PathParam("id") UUID id, @PathParam("promiseId") UUID promiseId) {
        caller.requireMayRead(id, "No promise to pay " + promiseId);
        return promises.get(id, promiseId).map(PromiseResource::ok);
    }

    @WithTransaction
    @POST
    @Path("{promiseId}/cancel")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "cancelPromiseToPay", summary = "Cancel a promise to pay", description = "Needs If-Match. An OPEN promise becomes CANCELLED: it holds nothing any more, and is neither kept nor broken. Audited.")
    @APIResponse(responseCode = "200", description = "Cancelled", headers = @Header(name = HttpHeaders.ETAG), content = @Content(schema = @Schema(implementation = PromiseResponse.class)))
    @APIResponse(responseCode = "400", description = "No reason", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such promise of this customer", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The promise is no longer OPEN", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "The promise changed since it was read", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "If-Match is missing", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> cancel(@PathParam("id") UUID id, @PathParam("promiseId") UUID promiseId,
            @Parameter(description = "The ETag from GET, e.g. \"1\"") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull(message = "a JSON body is required") @Valid CancelPromiseRequest request) {
        Actor actor = caller.actor();
        return IfMatch.expecting(ifMatch, expected -> promises.cancel(actor, id, promiseId, expected,
                request.reason())).map(PromiseResource::ok);
    }

    private static Response ok(PromiseView view) {
        return Response.ok(PromiseResponse.of(view)).tag(IfMatch.etag(view.promise().version)).build();
    }
}
