package io.receivables.disputes.evidence.rest;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.receivables.common.idempotency.Idempotency;
import io.receivables.common.problem.FieldError;
import io.receivables.common.problem.Problem;
import io.receivables.common.problem.ProblemException;
import io.receivables.common.query.QueryParameters;
import io.receivables.common.security.Caller;
import io.receivables.contracts.events.Actor;
import io.receivables.disputes.evidence.Audience;
import io.receivables.disputes.evidence.Position;
import io.receivables.disputes.evidence.service.AddComment;
import io.receivables.disputes.evidence.service.Comments;
import io.smallrye.mutiny.Uni;

@Path("/disputes/{id}/comments")
@Tag(name = "Dispute conversation", description = "Comments, attachments and the timeline of a dispute")
@Produces(MediaType.APPLICATION_JSON)
public class DisputeCommentResource {

    private final Comments comments;
    private final Idempotency idempotency;
    private final Caller caller;

    @Inject
    public DisputeCommentResource(Comments comments, Idempotency idempotency, Caller caller) {
        this.comments = comments;
        this.idempotency = idempotency;
        this.caller = caller;
    }

    @WithTransaction
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "addDisputeComment", summary = "Comment on a dispute", description = "An INTERNAL comment is seen by staff only; a CUSTOMER one by the dispute's customer too. A customer's token writes only CUSTOMER comments, on its own customer's disputes. A staff comment visible to the customer is the dispute's first response when it has none yet (firstResponseAt is stamped, which stops the first-response SLA, and the dispute's version moves on). Audited; publishes nothing.")
    @APIResponse(responseCode = "201", description = "Written", content = @Content(schema = @Schema(implementation = CommentResponse.class)))
    @APIResponse(responseCode = "400", description = "text missing, blank, over 4,000 characters or with control characters other than tab and line breaks; visibility missing or unknown; a bad Idempotency-Key", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "The token's roles do not allow this operation, or a customer's token asked for an INTERNAL comment (errors names visibility)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "not-found: no such dispute, or another customer's", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> add(@PathParam("id") UUID id,
            @NotNull(message = "a JSON body is required") CommentRequest request,
            @Parameter(name = Idempotency.HEADER, in = ParameterIn.HEADER, description = Idempotency.HEADER_DESCRIPTION) @HeaderParam(Idempotency.HEADER) String idempotencyKey) {
        Actor actor = caller.actor();
        Audience audience = Audiences.of(caller);
        AddComment command;
        try {
            command = request.command();
        } catch (ProblemException invalid) {
            return Uni.createFrom().failure(invalid);
        }
        return idempotency.handle(idempotencyKey, "POST /disputes/" + id + "/comments", request,
                () -> comments.add(actor, audience, id, command).map(comment -> Response
                        .status(Response.Status.CREATED).entity(CommentResponse.of(comment, audience)).build()));
    }

    @GET
    @Operation(operationId = "listDisputeComments", summary = "List a dispute's comments, oldest first", description = "A customer's token sees only the CUSTOMER comments of its own customer's disputes. Cursor pagination: pass nextCursor as cursor for the next page. The timeline (GET /disputes/{id}/timeline) lists them with the dispute's activity and attachments.")
    @APIResponse(responseCode = "200", description = "A page of comments", content = @Content(schema = @Schema(implementation = CommentPage.class)))
    @APIResponse(responseCode = "400", description = "A bad limit or cursor, named", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "not-found: no such dispute, or another customer's", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<CommentPage> list(@PathParam("id") UUID id,
            @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor,
            @Parameter(description = "Page size, 1 to 500; default 50", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "500", defaultValue = "50")) @QueryParam("limit") String limit) {
        List<FieldError> errors = new ArrayList<>();
        int size = QueryParameters.limit("limit", limit, 50, 500, errors);
        QueryParameters.rejectIfAny(errors);
        Position after = Position.decode(QueryParameters.text("cursor", cursor, errors));
        QueryParameters.rejectIfAny(errors);
        Audience audience = Audiences.of(caller);
        return comments.page(audience, id, after, size).map(page -> new CommentPage(
                page.items().stream().map(comment -> CommentResponse.of(comment, audience)).toList(),
                page.nextCursor()));
    }

    /** A page of comments; {@code nextCursor} is absent on the last page. */
    @Schema(name = "DisputeCommentPage")
    public record CommentPage(List<CommentResponse> items,
            @Schema(nullable = true, description = "null on the last page") String nextCursor) {
    }
}
