package io.receivables.dunning.policy.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.receivables.common.problem.Problem;
import io.receivables.common.problem.ProblemException;
import io.receivables.common.security.Caller;
import io.receivables.dunning.policy.service.PolicyAssignments;
import io.smallrye.mutiny.Uni;

@Path("/dunning-policies/assignments")
@Tag(name = "Dunning policies")
@Produces(MediaType.APPLICATION_JSON)
public class PolicyAssignmentResource {

    static final String SEGMENT = "^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$";

    private final PolicyAssignments assignments;
    private final Caller caller;

    @Inject
    public PolicyAssignmentResource(PolicyAssignments assignments, Caller caller) {
        this.assignments = assignments;
        this.caller = caller;
    }

    /** Which policy to assign. */
    public record AssignRequest(@Schema(required = true, description = "An active dunning policy") @NotNull UUID policyId) {
    }

    public record SegmentAssignment(String segment, UUID policyId, Instant updatedAt) {
    }

    public record DefaultAssignment(UUID policyId, Instant updatedAt) {
    }

    public record AssignmentsResponse(
            @Schema(nullable = true, description = "null until a default is set") DefaultAssignment defaultPolicy,
            @Schema(description = "Segments with a policy of their own, by name") List<SegmentAssignment> segments) {
    }

    @GET
    @Operation(operationId = "listDunningPolicyAssignments", summary = "The default policy and the segments' policies", description = "Customers' own policies are read per customer (GET /customers/{id}/dunning-policy).")
    @APIResponse(responseCode = "200", description = "The assignments", content = @Content(schema = @Schema(implementation = AssignmentsResponse.class)))
    public Uni<AssignmentsResponse> list() {
        return assignments.list().map(found -> new AssignmentsResponse(
                found.defaultPolicy() == null ? null
                        : new DefaultAssignment(found.defaultPolicy().policyId, found.defaultPolicy().updatedAt),
                found.segments().stream().map(s -> new SegmentAssignment(s.segment, s.policyId, s.updatedAt))
                        .toList()));
    }

    @WithTransaction
    @PUT
    @Path("default")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "setDefaultDunningPolicy", summary = "Set the default policy", description = "The policy of customers without an override whose segment has no policy. Audited.")
    @APIResponse(responseCode = "200", description = "Set", content = @Content(schema = @Schema(implementation = DefaultAssignment.class)))
    @APIResponse(responseCode = "400", description = "Invalid request, naming the field", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The policy is deleted", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "No such policy", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<DefaultAssignment> setDefault(@NotNull(message = "a JSON body is required") @Valid AssignRequest request) {
        return assignments.setDefault(caller.actor(), request.policyId())
                .map(row -> new DefaultAssignment(row.policyId, row.updatedAt));
    }

    @WithTransaction
    @PUT
    @Path("segments/{segment}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "setSegmentDunningPolicy", summary = "Set a segment's policy", description = "Customers of the segment without an override get this policy. The segment is the customer's segment as invoicing knows it. Audited.")
    @APIResponse(responseCode = "200", description = "Set", content = @Content(schema = @Schema(implementation = SegmentAssignment.class)))
    @APIResponse(responseCode = "400", description = "Invalid request, naming the field", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The policy is deleted", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "No such policy", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<SegmentAssignment> setSegment(
            @Parameter(description = "1 to 64 letters, digits, dots, dashes, underscores", schema = @Schema(pattern = SEGMENT)) @PathParam("segment") String segment,
            @NotNull(message = "a JSON body is required") @Valid AssignRequest request) {
        checkSegment(segment);
        return assignments.setSegment(caller.actor(), segment, request.policyId())
                .map(row -> new SegmentAssignment(row.segment, row.policyId, row.updatedAt));
    }

    @WithTransaction
    @DELETE
    @Path("segments/{segment}")
    @Operation(operationId = "removeSegmentDunningPolicy", summary = "Remove a segment's policy", description = "Its customers without an override get the default policy. Audited.")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "400", description = "Invalid segment", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "The segment has no policy", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> removeSegment(
            @Parameter(description = "1 to 64 letters, digits, dots, dashes, underscores", schema = @Schema(pattern = SEGMENT)) @PathParam("segment") String segment) {
        checkSegment(segment);
        return assignments.removeSegment(caller.actor(), segment).map(ignored -> Response.noContent().build());
    }

    static void checkSegment(String segment) {
        if (segment == null || !segment.matches(SEGMENT)) {
            throw ProblemException.invalid("segment", "must be 1 to 64 letters, digits, dots, dashes or underscores,"
                    + " starting with a letter or digit");
        }
    }
}
