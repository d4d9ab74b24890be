package io.receivables.invoicing.customer.rest;

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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.receivables.common.idempotency.Idempotency;
import io.receivables.common.problem.Problem;
import io.receivables.common.problem.ProblemException;
import io.receivables.invoicing.customer.service.CustomerService;
import io.smallrye.mutiny.Uni;

@Path("/customers")
@Tag(name = "Customers", description = "Customers and their billing profiles")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CustomerResource {

    private final CustomerService customers;
    private final Idempotency idempotency;

    @Inject
    public CustomerResource(CustomerService customers, Idempotency idempotency) {
        this.customers = customers;
        this.idempotency = idempotency;
    }

    @POST
    @Operation(summary = "Register a customer", description = "Publishes customer-registered.")
    @APIResponse(responseCode = "201", description = "Registered", content = @Content(schema = @Schema(implementation = CustomerResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid request or Idempotency-Key", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Idempotency-Key already used for a different request", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> register(@NotNull(message = "a JSON body is required") @Valid CreateCustomerRequest request,
            @Parameter(name = Idempotency.HEADER, in = ParameterIn.HEADER, description = Idempotency.HEADER_DESCRIPTION) @HeaderParam(Idempotency.HEADER) String idempotencyKey,
            UriInfo uri) {
        return idempotency.handle(idempotencyKey, "POST /customers", request, () -> customers.register(request)
                .map(customer -> Response.created(uri.getAbsolutePathBuilder().path(customer.id.toString()).build())
                        .entity(CustomerResponse.of(customer)).build()));
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Get a customer")
    @APIResponse(responseCode = "200", description = "The customer", content = @Content(schema = @Schema(implementation = CustomerResponse.class)))
    @APIResponse(responseCode = "404", description = "No such customer", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<CustomerResponse> get(@PathParam("id") UUID id) {
        return customers.find(id)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("No customer " + id))
                .map(CustomerResponse::of);
    }
}
