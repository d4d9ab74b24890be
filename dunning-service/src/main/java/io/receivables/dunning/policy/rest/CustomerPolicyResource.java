package io.receivables.dunning.policy.rest;

import java.time.Instant;
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
import jakarta.ws.rs.QueryParam;
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
import io.receivables.common.security.Caller;
import io.receivables.dunning.policy.PolicySource;
import io.receivables.dunning.policy.service.PolicyAssignments;
import io.smallrye.mutiny.Uni;

@Path("/customers/{id}/dunning-policy")
@Tag(name = "Dunning policies")
@Produces(MediaType.APPLICATION_JSON)
public class CustomerPolicyResource {

    private final PolicyAssignments assignments;
    private final Caller caller;

    @Inject
    public CustomerPolicyResource(PolicyAssignments assignments, Caller caller) {
        this.assignments = assignments;
        this.caller = caller;
    }

    public record CustomerAssignment(UUID customerId, UUID policyId, Instant updatedAt) {
    }

    public record ResolutionResponse(UUID customerId,
            @Schema(nullable = true, description = "The segment asked about") String segment,
            @Schema(description = "Why the policy applies: the customer's OVERRIDE, its SEGMENT's policy, or the DEFAULT") PolicySource source,
            @Schema(description = "The policy at its current version") PolicyResponse policy) {
    }

    @GET
    @Operation(operationId = "resolveCustomerDunningPolicy", summary = "Which policy applies to a customer, and why", description = "The customer's override if it has one, else the policy of the segment given (the dunning run passes the customer's segment from its read model), else the default. Customers are not checked against the read model: any id is answered.")
    @APIResponse(responseCode = "200", description = "The policy that applies", content = @Content(schema = @Schema(implementation = ResolutionResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid segment", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No policy applies (no override, no segment policy, no default)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<ResolutionResponse> resolve(@PathParam("id") UUID id,
            @Parameter(description = "The customer's segment", schema = @Schema(pattern = PolicyAssignmentResource.SEGMENT)) @QueryParam("segment") String segment) {
        if (segment != null) {
            PolicyAssignmentResource.checkSegment(segment);
        }
        return assignments.resolve(id, segment).map(found -> new ResolutionResponse(found.customerId(),
                found.segment(), found.source(), PolicyResponse.of(found.policy())));
    }

    @WithTransaction
    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "setCustomerDunningPolicy", summary = "Give a customer its own policy", description = "Overrides its segment's policy and the default. Audited.")
    @APIResponse(responseCode = "200", description = "Set", content = @Content(schema = @Schema(implementation = CustomerAssignment.class)))
    @APIResponse(responseCode = "400", description = "Invalid request, naming the field", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The policy is deleted", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "No such policy", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<CustomerAssignment> set(@PathParam("id") UUID id,
            @NotNull(message = "a JSON body is required") @Valid PolicyAssignmentResource.AssignRequest request) {
        return assignments.setCustomer(caller.actor(), id, request.policyId())
                .map(row -> new CustomerAssignment(row.customerId, row.policyId, row.updatedAt));
    }

    @WithTransaction
    @DELETE
    @Operation(operationId = "removeCustomerDunningPolicy", summary = "Remove a customer's own policy", description = "It gets its segment's policy or the default again. Audited.")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "404", description = "The customer has no policy of its own", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> remove(@PathParam("id") UUID id) {
        return assignments.removeCustomer(caller.actor(), id).map(ignored -> Response.noContent().build());
    }
}
