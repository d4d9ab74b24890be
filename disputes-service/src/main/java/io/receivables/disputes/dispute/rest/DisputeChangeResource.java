package io.receivables.disputes.dispute.rest;

import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.receivables.common.concurrency.IfMatch;
import io.receivables.common.problem.Problem;
import io.receivables.common.problem.ProblemException;
import io.receivables.common.security.Caller;
import io.receivables.common.text.FreeText;
import io.receivables.contracts.events.Actor;
import io.receivables.disputes.dispute.Dispute;
import io.receivables.disputes.dispute.DisputeState;
import io.receivables.disputes.dispute.service.DisputeChanges;
import io.smallrye.mutiny.Uni;

/** The workflow of a dispute after its opening; every change needs the If-Match of the version it was read at. */
@Path("/disputes/{id}")
@Tag(name = "Disputes")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class DisputeChangeResource {

    private static final String IF_MATCH = "The ETag from GET /disputes/{id}, e.g. \"3\"";

    private final DisputeChanges changes;
    private final Caller caller;

    @Inject
    public DisputeChangeResource(DisputeChanges changes, Caller caller) {
        this.changes = changes;
        this.caller = caller;
    }

    @WithTransaction
    @POST
    @Path("transitions")
    @Operation(operationId = "transitionDispute", summary = "Move a dispute in its workflow", description = "Needs If-Match. OPEN → UNDER_REVIEW ⇄ AWAITING_CUSTOMER | AWAITING_INTERNAL. The first move out of OPEN is the first response. Publishes dispute-updated (change STATE). Resolution, withdrawal and reopening have their own operations.")
    @APIResponse(responseCode = "200", description = "Moved", headers = @Header(name = HttpHeaders.ETAG), content = @Content(schema = @Schema(implementation = DisputeResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid request: a state that is not one of the three, or one with its own operation", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such dispute", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "illegal-transition: the workflow does not allow the move from the dispute's state", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "The dispute changed since it was read", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "If-Match is missing", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> transition(@PathParam("id") UUID id,
            @Parameter(description = IF_MATCH) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull(message = "a JSON body is required") @Valid TransitionRequest request) {
        DisputeState to = request.to();
        if (to == DisputeState.RESOLVED || to == DisputeState.WITHDRAWN) {
            throw ProblemException.invalid("to", to + " has its own operation: POST /disputes/{id}/"
                    + (to == DisputeState.RESOLVED ? "resolution" : "withdrawal"));
        }
        Actor actor = caller.actor();
        var scope = caller.customerScope();
        return IfMatch.expecting(ifMatch, expected -> changes.transition(actor, scope, id, expected, to))
                .map(DisputeChangeResource::ok);
    }

    @WithTransaction
    @PUT
    @Path("assignment")
    @Operation(operationId = "assignDispute", summary = "Give a dispute to another team or owner", description = "Needs If-Match. owner absent or null puts it in the team's queue, unassigned. Recorded on the timeline; publishes dispute-updated (change ASSIGNMENT). The same team and owner again changes nothing.")
    @APIResponse(responseCode = "200", description = "Assigned", headers = @Header(name = HttpHeaders.ETAG), content = @Content(schema = @Schema(implementation = DisputeResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid request", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such dispute", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The dispute ended (resolved or withdrawn)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "The dispute changed since it was read", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "If-Match is missing", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> assign(@PathParam("id") UUID id,
            @Parameter(description = IF_MATCH) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull(message = "a JSON body is required") @Valid AssignmentRequest request) {
        Actor actor = caller.actor();
        var scope = caller.customerScope();
        return IfMatch.expecting(ifMatch, expected -> changes.assign(actor, scope, id, expected,
                request.team().strip(), FreeText.optional(request.owner()))).map(DisputeChangeResource::ok);
    }

    @WithTransaction
    @POST
    @Path("resolution")
    @Operation(operationId = "resolveDispute", summary = "Resolve a dispute", description = "Needs If-Match. From UNDER_REVIEW or a wait. CUSTOMER_FAVOUR credits the disputed amount, PARTIAL creditedAmount (more than zero, less than the disputed amount), COMPANY_FAVOUR nothing (collection resumes); the note is required. Publishes dispute-resolved, on which invoicing issues the credit note. Of two concurrent resolutions exactly one wins.")
    @APIResponse(responseCode = "200", description = "Resolved", headers = @Header(name = HttpHeaders.ETAG), content = @Content(schema = @Schema(implementation = DisputeResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid request: a credited amount that does not fit the outcome, a missing note", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such dispute", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "illegal-transition: not resolvable from its state (OPEN: review it first; or it ended)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "The dispute changed since it was read", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "If-Match is missing", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> resolve(@PathParam("id") UUID id,
            @Parameter(description = IF_MATCH) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull(message = "a JSON body is required") @Valid ResolutionRequest request) {
        Actor actor = caller.actor();
        var scope = caller.customerScope();
        return IfMatch.expecting(ifMatch, expected -> changes.resolve(actor, scope, id, expected, request.command()))
                .map(DisputeChangeResource::ok);
    }

    @WithTransaction
    @POST
    @Path("withdrawal")
    @Operation(operationId = "withdrawDispute", summary = "Withdraw a dispute", description = "Needs If-Match. The customer takes it back, from any active state; nothing is credited and the amount is collected again. Publishes dispute-resolved with outcome WITHDRAWN. A customer token withdraws only its own customer's disputes. The body (an optional note) may be left out.")
    @APIResponse(responseCode = "200", description = "Withdrawn", headers = @Header(name = HttpHeaders.ETAG), content = @Content(schema = @Schema(implementation = DisputeResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid request", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such dispute", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "illegal-transition: it ended already", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "The dispute changed since it was read", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "If-Match is missing", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> withdraw(@PathParam("id") UUID id,
            @Parameter(description = IF_MATCH) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid NoteRequest request) {
        Actor actor = caller.actor();
        var scope = caller.customerScope();
        String note = request == null ? null : FreeText.optional(request.note());
        return IfMatch.expecting(ifMatch, expected -> changes.withdraw(actor, scope, id, expected, note))
                .map(DisputeChangeResource::ok);
    }

    @WithTransaction
    @POST
    @Path("reopening")
    @Operation(operationId = "reopenDispute", summary = "Reopen a resolved dispute", description = "Needs If-Match. Within receivables.disputes.reopen-window-days (default 30) of its resolution, and only when it credited nothing (COMPANY_FAVOUR): back to UNDER_REVIEW, disputing its amount again, capped by what is open on the invoice now beside its other active disputes. Publishes dispute-reopened. The body (an optional note) may be left out.")
    @APIResponse(responseCode = "200", description = "Reopened", headers = @Header(name = HttpHeaders.ETAG), content = @Content(schema = @Schema(implementation = DisputeResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid request", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such dispute", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "dispute-credited: its resolution credited the customer (open a new dispute); conflict: not resolved, withdrawn, past the window, or nothing open on the invoice any more", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "The dispute changed since it was read", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "If-Match is missing", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> reopen(@PathParam("id") UUID id,
            @Parameter(description = IF_MATCH) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid NoteRequest request) {
        Actor actor = caller.actor();
        var scope = caller.customerScope();
        String note = request == null ? null : FreeText.optional(request.note());
        return IfMatch.expecting(ifMatch, expected -> changes.reopen(actor, scope, id, expected, note))
                .map(DisputeChangeResource::ok);
    }

    private static Response ok(Dispute dispute) {
        return Response.ok(DisputeResponse.of(dispute)).tag(IfMatch.etag(dispute.version)).build();
    }
}
