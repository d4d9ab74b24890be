package io.receivables.payments.payment.rest;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.receivables.common.concurrency.IfMatch;
import io.receivables.common.problem.FieldError;
import io.receivables.common.problem.Problem;
import io.receivables.common.query.QueryParameters;
import io.receivables.common.security.Caller;
import io.receivables.common.text.FreeText;
import io.receivables.contracts.events.Actor;
import io.receivables.payments.payment.service.PaymentChanges;
import io.receivables.payments.payment.service.RecordedPayment;
import io.smallrye.mutiny.Uni;

@Path("/payments/{id}")
@Tag(name = "Payments")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PaymentChangeResource {

    private final PaymentChanges changes;
    private final Caller caller;

    @Inject
    public PaymentChangeResource(PaymentChanges changes, Caller caller) {
        this.caller = caller;
        this.changes = changes;
    }

    @WithTransaction
    @POST
    @Path("allocations")
    @Operation(operationId = "allocatePayment", summary = "Allocate a payment's unapplied cash by hand", description = "Needs If-Match. Allocates to the named invoices (rule MANUAL), each at most what is open on it, together at most the unapplied cash; with customerId assigns a payment whose payer was not identified. Publishes payment-allocated, or payment-received when it assigns the payment. Takes it out of the review queue.")
    @APIResponse(responseCode = "200", description = "Allocated", headers = @Header(name = HttpHeaders.ETAG), content = @Content(schema = @Schema(implementation = PaymentResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid request: amounts, dates, another currency, more than is open or unapplied", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such payment", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The payment was reversed", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "The payment changed since it was read", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Unknown customer or invoice", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "If-Match is missing", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> allocate(@PathParam("id") UUID id,
            @Parameter(description = "The ETag from GET /payments/{id}, e.g. \"3\"") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull(message = "a JSON body is required") @Valid AllocateRequest request) {
        Actor actor = caller.actor();
        return IfMatch.expecting(ifMatch, expected -> changes.allocate(actor, id, expected, request.command()))
                .map(PaymentChangeResource::ok);
    }

    @WithTransaction
    @DELETE
    @Path("allocations/{allocationId}")
    @Operation(operationId = "unallocatePayment", summary = "Take an allocation back", description = "Needs If-Match (the payment's ETag). The invoice is open again by the allocation's amount (and discount) from effectiveDate; the money returns to the payment's unapplied cash. Publishes payment-unallocated. The allocation stays listed with removedOn.")
    @APIResponse(responseCode = "200", description = "Taken back", headers = @Header(name = HttpHeaders.ETAG), content = @Content(schema = @Schema(implementation = PaymentResponse.class)))
    @APIResponse(responseCode = "400", description = "A bad effectiveDate (before the allocation or the value date, in the future, not a date)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such payment or allocation", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Taken back before, or the payment was reversed", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "The payment changed since it was read", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "If-Match is missing", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> unallocate(@PathParam("id") UUID id, @PathParam("allocationId") UUID allocationId,
            @Parameter(description = "The payment's ETag from GET /payments/{id}, e.g. \"3\"") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Parameter(description = "The day the invoice is open again; default today (UTC)", schema = @Schema(type = SchemaType.STRING, format = "date")) @QueryParam("effectiveDate") String effectiveDate) {
        List<FieldError> errors = new ArrayList<>();
        LocalDate on = QueryParameters.date("effectiveDate", effectiveDate, errors);
        QueryParameters.rejectIfAny(errors);
        Actor actor = caller.actor();
        return IfMatch.expecting(ifMatch, expected -> changes.unallocate(actor, id, allocationId, expected, on))
                .map(PaymentChangeResource::ok);
    }

    @WithTransaction
    @POST
    @Path("reverse")
    @Operation(operationId = "reversePayment", summary = "Reverse a payment", description = "Needs If-Match. The payment did not stand (bounced, charged back, entered in error): its allocations are taken back as of the date, the invoices they paid reopen, its unapplied cash leaves the customer's balance. Publishes payment-reversed.")
    @APIResponse(responseCode = "200", description = "Reversed", headers = @Header(name = HttpHeaders.ETAG), content = @Content(schema = @Schema(implementation = PaymentResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid request (a date before the value date or in the future)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such payment", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Already reversed, or refunded in part", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "The payment changed since it was read", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "If-Match is missing", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> reverse(@PathParam("id") UUID id,
            @Parameter(description = "The ETag from GET /payments/{id}, e.g. \"3\"") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull(message = "a JSON body is required") @Valid ReverseRequest request) {
        Actor actor = caller.actor();
        return IfMatch.expecting(ifMatch, expected -> changes.reverse(actor, id, expected, request.reason(), request.date(),
                FreeText.optional(request.note()))).map(PaymentChangeResource::ok);
    }

    private static Response ok(RecordedPayment payment) {
        return Response.ok(PaymentResponse.of(payment)).tag(IfMatch.etag(payment.payment().version)).build();
    }
}
