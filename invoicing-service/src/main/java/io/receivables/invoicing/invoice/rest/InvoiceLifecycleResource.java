package io.receivables.invoicing.invoice.rest;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.receivables.common.concurrency.IfMatch;
import io.receivables.common.idempotency.Idempotency;
import io.receivables.common.problem.Problem;
import io.receivables.common.security.Caller;
import io.receivables.contracts.events.Actor;
import io.receivables.invoicing.invoice.Invoice;
import io.receivables.invoicing.invoice.service.DraftInvoiceService;
import io.receivables.invoicing.invoice.service.InvoiceLifecycleService;
import io.smallrye.mutiny.Uni;

/** Issuing a draft, voiding and writing off an issued invoice, each under If-Match with the version read. */
@Path("/invoices/{id}")
@Tag(name = "Invoices", description = "Issue and read invoices")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class InvoiceLifecycleResource {

    private final InvoiceLifecycleService service;
    private final DraftInvoiceService drafts;
    private final Idempotency idempotency;
    private final Clock clock;
    private final Caller caller;

    @Inject
    public InvoiceLifecycleResource(InvoiceLifecycleService service, DraftInvoiceService drafts,
            Idempotency idempotency, Clock clock, Caller caller) {
        this.service = service;
        this.drafts = drafts;
        this.idempotency = idempotency;
        this.clock = clock;
        this.caller = caller;
    }

    @WithTransaction
    @POST
    @Path("issue")
    @Consumes(MediaType.WILDCARD)
    @Operation(operationId = "issueDraftInvoice", summary = "Issue a draft invoice", description = "Issues a DRAFT under the rules of POST /invoices: dated"
            + " today unless the draft has an issue date, due date from the terms unless the draft has one, checked"
            + " against the credit limit, given the next gap-free number, and published as invoice-issued. The invoice"
            + " keeps its id. Needs If-Match with the ETag of GET /invoices/{id}.")
    @APIResponse(responseCode = "200", description = "Issued", headers = @Header(name = HttpHeaders.ETAG), content = @Content(schema = @Schema(implementation = InvoiceResponse.class)))
    @APIResponse(responseCode = "400", description = "If-Match or Idempotency-Key invalid, or the draft's due date lies before its issue date", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such invoice", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The invoice is not a draft", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "The draft changed since it was read", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "The credit limit would be exceeded under policy REJECT, or Idempotency-Key already used for a different request", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "If-Match is missing", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> issueDraft(@PathParam("id") UUID id,
            @Parameter(description = "The ETag from GET /invoices/{id}, e.g. \"0\"") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Parameter(name = Idempotency.HEADER, in = ParameterIn.HEADER, description = Idempotency.HEADER_DESCRIPTION) @HeaderParam(Idempotency.HEADER) String idempotencyKey) {
        Actor actor = caller.actor();
        return IfMatch.expecting(ifMatch,
                expected -> idempotency.handle(idempotencyKey, "POST /invoices/" + id + "/issue", ifMatch,
                        () -> drafts.issue(actor, id, expected)
                                .map(issued -> Response.ok(InvoiceResponse.of(issued.invoice(),
                                        InvoiceResponse.CreditCheck.of(issued.creditCheck(),
                                                issued.creditCheck().currency()),
                                        LocalDate.now(clock)))
                                        .tag(IfMatch.etag(issued.invoice().version)).build())));
    }

    @WithTransaction
    @POST
    @Path("void")
    @Operation(operationId = "voidInvoice", summary = "Void an invoice", description = "Cancels an ISSUED invoice on which nothing was paid or credited:"
            + " status VOIDED, amount due 0, and invoice-voided with the total. The invoice keeps its number."
            + " effectiveDate (default today, UTC) is the business date from which it is void: statements and analytics"
            + " count it open before that date; it may not precede the issue date or the last payment or credit applied"
            + " to the invoice, nor lie in the future."
            + " Needs If-Match with the ETag of GET /invoices/{id}.")
    @APIResponse(responseCode = "200", description = "Voided", headers = @Header(name = HttpHeaders.ETAG), content = @Content(schema = @Schema(implementation = InvoiceResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid request (e.g. effectiveDate outside its window), If-Match or Idempotency-Key", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such invoice", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The invoice is not ISSUED, or something was paid or credited on it", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "The invoice changed since it was read", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Idempotency-Key already used for a different request", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "If-Match is missing", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> voidInvoice(@PathParam("id") UUID id,
            @Parameter(description = "The ETag from GET /invoices/{id}, e.g. \"0\"") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Parameter(name = Idempotency.HEADER, in = ParameterIn.HEADER, description = Idempotency.HEADER_DESCRIPTION) @HeaderParam(Idempotency.HEADER) String idempotencyKey,
            @NotNull(message = "a JSON body is required") @Valid VoidInvoiceRequest request) {
        Actor actor = caller.actor();
        return IfMatch.expecting(ifMatch,
                expected -> idempotency.handle(idempotencyKey, "POST /invoices/" + id + "/void", request,
                        () -> Uni.createFrom().deferred(() -> service.voidInvoice(actor, id, expected, request.command()))
                                .map(this::ok)));
    }

    @WithTransaction
    @POST
    @Path("write-off")
    @Operation(operationId = "writeOffInvoice", summary = "Write off an invoice", description = "Writes off what is still due on an ISSUED invoice as bad"
            + " debt: status WRITTEN_OFF, amount due 0, and invoice-written-off with the amount written off."
            + " effectiveDate (default today, UTC; writeOffDate is its earlier name) is the business date of the"
            + " write-off: statements and analytics count the amount open before that date; it may not precede the issue"
            + " date or the last payment or credit applied to the invoice, nor lie in the future."
            + " Needs If-Match with the ETag of GET /invoices/{id}.")
    @APIResponse(responseCode = "200", description = "Written off", headers = @Header(name = HttpHeaders.ETAG), content = @Content(schema = @Schema(implementation = InvoiceResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid request (e.g. effectiveDate outside its window), If-Match or Idempotency-Key", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such invoice", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The invoice is not ISSUED, or nothing is left due on it", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "The invoice changed since it was read", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Idempotency-Key already used for a different request", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "If-Match is missing", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> writeOff(@PathParam("id") UUID id,
            @Parameter(description = "The ETag from GET /invoices/{id}, e.g. \"0\"") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Parameter(name = Idempotency.HEADER, in = ParameterIn.HEADER, description = Idempotency.HEADER_DESCRIPTION) @HeaderParam(Idempotency.HEADER) String idempotencyKey,
            @NotNull(message = "a JSON body is required") @Valid WriteOffInvoiceRequest request) {
        Actor actor = caller.actor();
        return IfMatch.expecting(ifMatch,
                expected -> idempotency.handle(idempotencyKey, "POST /invoices/" + id + "/write-off", request,
                        () -> Uni.createFrom().deferred(() -> service.writeOff(actor, id, expected, request.command()))
                                .map(this::ok)));
    }

    private Response ok(Invoice invoice) {
        return Response.ok(InvoiceResponse.of(invoice, LocalDate.now(clock))).tag(IfMatch.etag(invoice.version)).build();
    }
}
