package io.receivables.payments.payment.rest;

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
import io.receivables.contracts.events.PaymentReceived;
import io.receivables.payments.payment.PaymentStatus;
import io.receivables.payments.payment.repository.PaymentRepository;
import io.receivables.payments.payment.service.PaymentQueries;
import io.receivables.payments.payment.service.PaymentRecording;
import io.smallrye.mutiny.Uni;

@Path("/payments")
@Tag(name = "Payments", description = "Payments received, and how they were applied to invoices")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PaymentResource {

    private final PaymentRecording recording;
    private final PaymentQueries queries;
    private final Idempotency idempotency;
    private final Caller caller;

    @Inject
    public PaymentResource(PaymentRecording recording, PaymentQueries queries, Idempotency idempotency, Caller caller) {
        this.caller = caller;
        this.recording = recording;
        this.queries = queries;
        this.idempotency = idempotency;
    }

    @WithTransaction
    @POST
    @Operation(operationId = "recordPayment", summary = "Record a payment and apply it", description = "Identifies the customer when not given (payer account seen before, invoice references), applies the payment by explicit allocations or by cash application (creditor reference, invoice numbers in the remittance, amounts, policy) and publishes payment-received once the customer is known. A payment whose match is below the confidence threshold, or whose payer is not identified, waits for review (inReview). The same externalReference again answers 200 with the payment recorded first.")
    @APIResponse(responseCode = "201", description = "Recorded", headers = @Header(name = HttpHeaders.ETAG), content = @Content(schema = @Schema(implementation = PaymentResponse.class)))
    @APIResponse(responseCode = "200", description = "Recorded before under the same externalReference; nothing written", headers = @Header(name = HttpHeaders.ETAG), content = @Content(schema = @Schema(implementation = PaymentResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid request or Idempotency-Key; allocations above the payment or an invoice's open amount, another currency than the invoice's", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Unknown customer or invoice, or Idempotency-Key already used for a different request", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> record(@NotNull(message = "a JSON body is required") @Valid RecordPaymentRequest request,
            @Parameter(name = Idempotency.HEADER, in = ParameterIn.HEADER, description = Idempotency.HEADER_DESCRIPTION) @HeaderParam(Idempotency.HEADER) String idempotencyKey,
            UriInfo uri) {
        Actor actor = caller.actor();
        return idempotency.handle(idempotencyKey, "POST /payments", request, () -> recording.record(actor, request.command())
                .map(recorded -> (recorded.duplicate() ? Response.ok()
                        : Response.created(uri.getAbsolutePathBuilder().path(recorded.payment().id.toString()).build()))
                        .tag(IfMatch.etag(recorded.payment().version)).entity(PaymentResponse.of(recorded)).build()));
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getPayment", summary = "Get a payment with its allocations", description = "The ETag header is the version to send in If-Match when changing its allocations or reversing it.")
    @APIResponse(responseCode = "200", description = "The payment", headers = @Header(name = HttpHeaders.ETAG), content = @Content(schema = @Schema(implementation = PaymentResponse.class)))
    @APIResponse(responseCode = "404", description = "No such payment", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> get(@PathParam("id") UUID id) {
        return queries.get(id).map(recorded -> Response.ok(PaymentResponse.of(recorded))
                .tag(IfMatch.etag(recorded.payment().version)).build());
    }

    @GET
    @Operation(operationId = "listPayments", summary = "List payments, newest first", description = "Filters combine. The review queue is inReview=true. Cursor pagination: pass nextCursor as cursor for the next page.")
    @APIResponse(responseCode = "200", description = "A page of payments", content = @Content(schema = @Schema(implementation = PaymentPage.class)))
    @APIResponse(responseCode = "400", description = "A bad filter, limit or cursor, named", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<PaymentPage> list(
            @Parameter(description = "Only this customer's payments", schema = @Schema(type = SchemaType.STRING, format = "uuid")) @QueryParam("customerId") String customerId,
            @Parameter(description = "Only payments in this status", schema = @Schema(implementation = PaymentStatus.class)) @QueryParam("status") String status,
            @Parameter(description = "true: only payments waiting for review; false: only the others", schema = @Schema(type = SchemaType.BOOLEAN)) @QueryParam("inReview") String inReview,
            @Parameter(description = "Value date on or after", schema = @Schema(type = SchemaType.STRING, format = "date")) @QueryParam("valueFrom") String valueFrom,
            @Parameter(description = "Value date on or before", schema = @Schema(type = SchemaType.STRING, format = "date")) @QueryParam("valueTo") String valueTo,
            @Parameter(description = "Only payments by this method", schema = @Schema(implementation = PaymentReceived.Method.class)) @QueryParam("method") String method,
            @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor,
            @Parameter(description = "Page size, 1 to 500; default 50", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "500", defaultValue = "50")) @QueryParam("limit") String limit) {
        List<FieldError> errors = new ArrayList<>();
        UUID customer = QueryParameters.uuid("customerId", customerId, errors);
        PaymentStatus byStatus = choice("status", status, PaymentStatus.class, errors);
        Boolean review = inReview == null || inReview.isBlank() ? null
                : QueryParameters.bool("inReview", inReview, false, errors);
        var from = QueryParameters.date("valueFrom", valueFrom, errors);
        var to = QueryParameters.date("valueTo", valueTo, errors);
        PaymentReceived.Method byMethod = choice("method", method, PaymentReceived.Method.class, errors);
        String validCursor = QueryParameters.text("cursor", cursor, errors);
        int size = QueryParameters.limit("limit", limit, 50, 500, errors);
        QueryParameters.rejectIfAny(errors);
        return queries.list(new PaymentRepository.Filter(customer, byStatus, review, from, to, byMethod), validCursor,
                size).map(
                        page -> new PaymentPage(page.items().stream().map(PaymentResponse::of).toList(),
                                page.nextCursor()));
    }

    /** A page of payments; {@code nextCursor} is absent on the last page. */
    public record PaymentPage(List<PaymentResponse> items,
            @Schema(nullable = true, description = "null on the last page") String nextCursor) {
    }

    static <E extends Enum<E>> E choice(String name, String value, Class<E> type, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError(name, "must be one of " + java.util.Arrays.toString(type.getEnumConstants())));
            return null;
        }
    }
}
