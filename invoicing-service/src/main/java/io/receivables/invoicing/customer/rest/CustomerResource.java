package io.receivables.invoicing.customer.rest;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
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
import io.receivables.common.problem.ProblemException;
import io.receivables.common.query.QueryParameters;
import io.receivables.common.security.Caller;
import io.receivables.contracts.events.Actor;
import io.receivables.invoicing.customer.Customer;
import io.receivables.invoicing.customer.service.CustomerService;
import io.smallrye.mutiny.Uni;

@Path("/customers")
@Tag(name = "Customers", description = "Customers and their billing profiles")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CustomerResource {

    private final CustomerService customers;
    private final Idempotency idempotency;
    private final Caller caller;

    @Inject
    public CustomerResource(CustomerService customers, Idempotency idempotency, Caller caller) {
        this.customers = customers;
        this.idempotency = idempotency;
        this.caller = caller;
    }

    @WithTransaction
    @POST
    @Operation(operationId = "registerCustomer", summary = "Register a customer", description = "Publishes customer-registered.")
    @APIResponse(responseCode = "201", description = "Registered", headers = @Header(name = HttpHeaders.ETAG), content = @Content(schema = @Schema(implementation = CustomerResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid request or Idempotency-Key", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Idempotency-Key already used for a different request", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> register(@NotNull(message = "a JSON body is required") @Valid CustomerRequest request,
            @Parameter(name = Idempotency.HEADER, in = ParameterIn.HEADER, description = Idempotency.HEADER_DESCRIPTION) @HeaderParam(Idempotency.HEADER) String idempotencyKey,
            UriInfo uri) {
        Actor actor = caller.actor();
        return idempotency.handle(idempotencyKey, "POST /customers", request, () -> customers.register(actor, request)
                .map(customer -> Response.created(uri.getAbsolutePathBuilder().path(customer.id.toString()).build())
                        .tag(IfMatch.etag(customer.version)).entity(CustomerResponse.of(customer)).build()));
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getCustomer", summary = "Get a customer", description = "The ETag header is the version to send in If-Match when updating.")
    @APIResponse(responseCode = "200", description = "The customer", headers = @Header(name = HttpHeaders.ETAG), content = @Content(schema = @Schema(implementation = CustomerResponse.class)))
    @APIResponse(responseCode = "404", description = "No such customer", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> get(@PathParam("id") UUID id) {
        return customers.find(id)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("No customer " + id))
                .map(CustomerResource::ok);
    }

    @WithTransaction
    @PUT
    @Path("{id}")
    @Operation(operationId = "replaceCustomer", summary = "Replace a customer's billing profile", description = "Needs If-Match with the ETag of the version read; publishes customer-updated with the whole profile.")
    @APIResponse(responseCode = "200", description = "Updated", headers = @Header(name = HttpHeaders.ETAG), content = @Content(schema = @Schema(implementation = CustomerResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid request", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such customer", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "The customer changed since it was read", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "If-Match is missing", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> update(@PathParam("id") UUID id,
            @Parameter(description = "The ETag from GET /customers/{id}, e.g. \"3\"") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull(message = "a JSON body is required") @Valid CustomerRequest request) {
        Actor actor = caller.actor();
        return IfMatch.expecting(ifMatch, expected -> customers.update(actor, id, expected, request))
                .map(CustomerResource::ok);
    }

    @GET
    @Operation(operationId = "listCustomers", summary = "List customers by legal name", description = "Cursor pagination: pass nextCursor as cursor for the next page.")
    public Uni<CustomerPage> list(
            @Parameter(description = "Only customers of this segment") @QueryParam("segment") @Pattern(regexp = "[a-z][a-z0-9-]{0,31}", message = "must be a segment name") String segment,
            @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor,
            @Parameter(description = "Page size, 1 to 500; default 50", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "500", defaultValue = "50")) @QueryParam("limit") String limit) {
        List<FieldError> errors = new ArrayList<>();
        String validCursor = QueryParameters.text("cursor", cursor, errors);
        int size = QueryParameters.limit("limit", limit, 50, 500, errors);
        QueryParameters.rejectIfAny(errors);
        return customers.list(segment, validCursor, size)
                .map(page -> new CustomerPage(page.items().stream().map(CustomerResponse::of).toList(), page.nextCursor()));
    }

    /** A page of customers; {@code nextCursor} is absent on the last page. */
    public record CustomerPage(java.util.List<CustomerResponse> items,
            @Schema(nullable = true, description = "null on the last page") String nextCursor) {
    }

    private static Response ok(Customer customer) {
        return Response.ok(CustomerResponse.of(customer)).tag(IfMatch.etag(customer.version)).build();
    }
}
