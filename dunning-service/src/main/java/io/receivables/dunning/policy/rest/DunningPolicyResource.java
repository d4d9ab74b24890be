package io.receivables.dunning.policy.rest;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
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
import io.receivables.dunning.policy.service.Policies;
import io.receivables.dunning.policy.service.PolicyView;
import io.smallrye.mutiny.Uni;

@Path("/dunning-policies")
@Tag(name = "Dunning policies", description = "Reminder steps per policy, and which customers they apply to")
@Produces(MediaType.APPLICATION_JSON)
public class DunningPolicyResource {

    private final Policies policies;
    private final Idempotency idempotency;
    private final Caller caller;

    @Inject
    public DunningPolicyResource(Policies policies, Idempotency idempotency, Caller caller) {
        this.policies = policies;
        this.idempotency = idempotency;
        this.caller = caller;
    }

    /** A page of policies; {@code nextCursor} is absent on the last page. */
    public record PolicyPage(List<PolicyResponse> items,
            @Schema(nullable = true, description = "null on the last page") String nextCursor) {
    }

    @WithTransaction
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createDunningPolicy", summary = "Create a dunning policy", description = "Ordered steps, each due offsetDays after an invoice's due date (negative: before it), sent on one or more channels with a template per channel, when at least minimumOverdue (in the policy's currency) is overdue; optionally a fixed fee, statutory interest and an escalation. Checked on save: 1 to 10 steps, offsets -60 to 365 and strictly increasing, each channel once per step, template keys that exist for their channel, amounts not negative with at most the currency's decimals. Version 1. Audited.")
    @APIResponse(responseCode = "201", description = "Created", headers = @Header(name = HttpHeaders.ETAG), content = @Content(schema = @Schema(implementation = PolicyResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid policy, every broken rule named by its field (steps[2].offsetDays)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "A template key that does not exist for its channel (named), or Idempotency-Key already used for a different request", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> create(@NotNull(message = "a JSON body is required") @Valid PolicyRequest request,
            @Parameter(name = Idempotency.HEADER, in = ParameterIn.HEADER, description = Idempotency.HEADER_DESCRIPTION) @HeaderParam(Idempotency.HEADER) String idempotencyKey,
            UriInfo uri) {
        Actor actor = caller.actor();
        return idempotency.handle(idempotencyKey, "POST /dunning-policies", request,
                () -> policies.create(actor, request.definition()).map(view -> Response
                        .created(uri.getAbsolutePathBuilder().path(view.policy().id.toString()).build())
                        .tag(IfMatch.etag(view.policy().version)).entity(PolicyResponse.of(view)).build()));
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getDunningPolicy", summary = "Get a dunning policy", description = "Its current version with its steps; a deleted policy too (active false). The ETag is the version to send in If-Match.")
    @APIResponse(responseCode = "200", description = "The policy", headers = @Header(name = HttpHeaders.ETAG), content = @Content(schema = @Schema(implementation = PolicyResponse.class)))
    @APIResponse(responseCode = "404", description = "No such policy", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> get(@PathParam("id") UUID id) {
        return policies.get(id).map(DunningPolicyResource::ok);
    }

    @GET
    @Path("{id}/versions/{version}")
    @Operation(operationId = "getDunningPolicyVersion", summary = "Get one version of a dunning policy", description = "What the policy was at that version: the steps a message sent under it followed.")
    @APIResponse(responseCode = "200", description = "That version", content = @Content(schema = @Schema(implementation = PolicyResponse.class)))
    @APIResponse(responseCode = "404", description = "No such policy or version", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<PolicyResponse> getVersion(@PathParam("id") UUID id,
            @Parameter(description = "From 1", schema = @Schema(type = SchemaType.INTEGER, minimum = "1")) @PathParam("version") long version) {
        return policies.getVersion(id, version).map(PolicyResponse::of);
    }

    @GET
    @Operation(operationId = "listDunningPolicies", summary = "List dunning policies, newest first", description = "Each at its current version. Cursor pagination: pass nextCursor as cursor for the next page.")
    @APIResponse(responseCode = "200", description = "A page of policies", content = @Content(schema = @Schema(implementation = PolicyPage.class)))
    @APIResponse(responseCode = "400", description = "A bad flag, limit or cursor, named", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<PolicyPage> list(
            @Parameter(description = "Also deleted policies; default false", schema = @Schema(type = SchemaType.BOOLEAN, defaultValue = "false")) @QueryParam("includeDeleted") String includeDeleted,
            @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor,
            @Parameter(description = "Page size, 1 to 100; default 50", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100", defaultValue = "50")) @QueryParam("limit") String limit) {
        List<FieldError> errors = new ArrayList<>();
        boolean deleted = QueryParameters.bool("includeDeleted", includeDeleted, false, errors);
        String validCursor = QueryParameters.text("cursor", cursor, errors);
        int size = QueryParameters.limit("limit", limit, 50, 100, errors);
        QueryParameters.rejectIfAny(errors);
        return policies.list(deleted, validCursor, size).map(page -> new PolicyPage(
                page.items().stream().map(PolicyResponse::of).toList(), page.nextCursor()));
    }

    @WithTransaction
    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "updateDunningPolicy", summary = "Change a dunning policy (a new version)", description = "Needs If-Match. The whole policy as it should be, checked as on creation; it becomes the next version and earlier versions stay readable. Assignments follow the policy to its new version. Audited.")
    @APIResponse(responseCode = "200", description = "The new version", headers = @Header(name = HttpHeaders.ETAG), content = @Content(schema = @Schema(implementation = PolicyResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid policy, every broken rule named by its field", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such policy", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The policy is deleted", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "The policy changed since it was read", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "A template key that does not exist for its channel, named", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "If-Match is missing", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> update(@PathParam("id") UUID id,
            @Parameter(description = "The ETag from GET /dunning-policies/{id}, e.g. \"1\"") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull(message = "a JSON body is required") @Valid PolicyRequest request) {
        Actor actor = caller.actor();
        return IfMatch.expecting(ifMatch, expected -> policies.update(actor, id, expected, request.definition()))
                .map(DunningPolicyResource::ok);
    }

    @WithTransaction
    @DELETE
    @Path("{id}")
    @Operation(operationId = "deleteDunningPolicy", summary = "Delete a dunning policy", description = "Needs If-Match. Deactivates it: it is no longer listed (unless includeDeleted) nor assignable, and stays readable with its versions for the messages sent under it. Refused while it is the default, a segment's or a customer's policy. Audited.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No such policy, or deleted already", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The policy is in use; the detail says where", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "The policy changed since it was read", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "If-Match is missing", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> delete(@PathParam("id") UUID id,
            @Parameter(description = "The ETag from GET /dunning-policies/{id}, e.g. \"1\"") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        Actor actor = caller.actor();
        return IfMatch.expecting(ifMatch, expected -> policies.delete(actor, id, expected))
                .map(ignored -> Response.noContent().build());
    }

    private static Response ok(PolicyView view) {
        return Response.ok(PolicyResponse.of(view)).tag(IfMatch.etag(view.policy().version)).build();
    }
}
