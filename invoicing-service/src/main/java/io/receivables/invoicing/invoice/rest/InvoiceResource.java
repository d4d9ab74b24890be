package io.receivables.invoicing.invoice.rest;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
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
import jakarta.ws.rs.core.UriBuilder;
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

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.receivables.common.concurrency.IfMatch;
import io.receivables.common.idempotency.Idempotency;
import io.receivables.common.idempotency.Idempotency.KeyedRequest;
import io.receivables.common.problem.Problem;
import io.receivables.common.problem.ProblemException;
import io.receivables.common.security.Caller;
import io.receivables.contracts.events.Actor;
import io.receivables.invoicing.invoice.InvoiceQuery;
import io.receivables.invoicing.invoice.InvoiceStatus;
import io.receivables.invoicing.invoice.repository.InvoiceRepository;
import io.receivables.invoicing.invoice.service.DraftInvoiceService;
import io.receivables.invoicing.invoice.service.InvoiceService;
import io.smallrye.mutiny.Uni;

@Path("/invoices")
@Tag(name = "Invoices", description = "Issue and read invoices")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class InvoiceResource {

    private final InvoiceService service;
    private final DraftInvoiceService drafts;
    private final InvoiceRepository invoices;
    private final Idempotency idempotency;
    private final IssueGroups issueGroups;
    private final Clock clock;
    private final Caller caller;

    @Inject
    public InvoiceResource(InvoiceService service, DraftInvoiceService drafts, InvoiceRepository invoices,
            Idempotency idempotency, IssueGroups issueGroups, Clock clock, Caller caller) {
        this.caller = caller;
        this.issueGroups = issueGroups;
        this.service = service;
        this.drafts = drafts;
        this.invoices = invoices;
        this.idempotency = idempotency;
        this.clock = clock;
    }

    /**
     * No transaction here: a draft opens its own, and an issue joins the next group's (concurrent issues share one
     * transaction; see {@link IssueGroups}). So the URI and the key are read now, on the request's own thread.
     */
    @POST
    @Operation(operationId = "issueInvoice", summary = "Issue an invoice, or create a draft", description = "Computes totals and the due date, allocates a gap-free number and publishes invoice-issued. With draft: true, keeps a DRAFT instead: no number, no event, not receivable, until POST /invoices/{id}/issue.")
    @APIResponse(responseCode = "201", description = "Issued (or the draft created)", headers = @Header(name = HttpHeaders.ETAG), content = @Content(schema = @Schema(implementation = InvoiceResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid request or Idempotency-Key", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Unknown customer, the credit limit would be exceeded under policy REJECT, or Idempotency-Key already used for a different request", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> issue(@NotNull(message = "a JSON body is required") @Valid CreateInvoiceRequest request,
            @Parameter(name = Idempotency.HEADER, in = ParameterIn.HEADER, description = Idempotency.HEADER_DESCRIPTION) @HeaderParam(Idempotency.HEADER) String idempotencyKey,
            UriInfo uri) {
        Actor actor = caller.actor();
        if (request.isDraft()) {
            return Panache.withTransaction(() -> idempotency.handle(idempotencyKey, "POST /invoices", request,
                    () -> drafts.create(actor, request)
                            .map(draft -> Response.created(uri.getAbsolutePathBuilder().path(draft.id.toString()).build())
                                    .entity(InvoiceResponse.of(draft, LocalDate.now(clock))).tag(IfMatch.etag(draft.version))
                                    .build())));
        }
        KeyedRequest keyed;
        try {
            keyed = idempotency.keyed(idempotencyKey, "POST /invoices", request);
        } catch (ProblemException invalid) {
            return Uni.createFrom().failure(invalid);
        }
        URI invoices = uri.getAbsolutePath();
        return issueGroups.submit(actor, request, keyed, issued -> Response
                .created(UriBuilder.fromUri(invoices).path(issued.invoice().id.toString()).build())
                .entity(InvoiceResponse.of(issued.invoice(), InvoiceResponse.CreditCheck.of(issued.creditCheck(),
                        issued.creditCheck().currency()), LocalDate.now(clock)))
                .tag(IfMatch.etag(issued.invoice().version))
                .build());
    }

    @WithTransaction
    @PUT
    @Path("{id}")
    @Operation(operationId = "replaceDraftInvoice", summary = "Change a draft invoice", description = "Replaces a DRAFT's content (same body as POST /invoices)."
            + " Needs If-Match with the ETag of GET /invoices/{id}. An issued invoice cannot be changed: credit or void it.")
    @APIResponse(responseCode = "200", description = "The changed draft", headers = @Header(name = HttpHeaders.ETAG), content = @Content(schema = @Schema(implementation = InvoiceResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid request or If-Match", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such invoice", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The invoice is no longer a draft", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "The draft changed since it was read", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Unknown customer", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "If-Match is missing", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> replaceDraft(@PathParam("id") UUID id,
            @Parameter(description = "The ETag from GET /invoices/{id}, e.g. \"0\"") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull(message = "a JSON body is required") @Valid CreateInvoiceRequest request) {
        Actor actor = caller.actor();
        return IfMatch.expecting(ifMatch, expected -> drafts.replace(actor, id, expected, request))
                .map(draft -> Response.ok(InvoiceResponse.of(draft, LocalDate.now(clock))).tag(IfMatch.etag(draft.version))
                        .build());
    }

    @WithTransaction
    @DELETE
    @Path("{id}")
    @Operation(operationId = "deleteDraftInvoice", summary = "Delete a draft invoice", description = "Only a DRAFT can be deleted; it never had a number."
            + " Needs If-Match with the ETag of GET /invoices/{id}.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No such invoice", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The invoice is not a draft: void or credit it instead", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "The draft changed since it was read", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "If-Match is missing", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> deleteDraft(@PathParam("id") UUID id,
            @Parameter(description = "The ETag from GET /invoices/{id}, e.g. \"0\"") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        Actor actor = caller.actor();
        return IfMatch.expecting(ifMatch, expected -> drafts.delete(actor, id, expected))
                .map(ignored -> Response.noContent().build());
    }

    @WithTransaction
    @POST
    @Path("batch")
    @Operation(operationId = "issueInvoiceBatch", summary = "Issue many invoices at once", description = "All or nothing: one rejected invoice (named invoices[i].<field>) rejects the batch and nothing is written. Numbers are consecutive per year, in request order. Publishes invoice-issued for each.")
    @APIResponse(responseCode = "201", description = "Issued, in request order", content = @Content(schema = @Schema(implementation = IssuedBatch.class)))
    @APIResponse(responseCode = "400", description = "Invalid request or Idempotency-Key", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Unknown customer, the credit limit would be exceeded under policy REJECT, or Idempotency-Key already used for a different request", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> issueBatch(@NotNull(message = "a JSON body is required") @Valid IssueBatchRequest request,
            @Parameter(name = Idempotency.HEADER, in = ParameterIn.HEADER, description = Idempotency.HEADER_DESCRIPTION) @HeaderParam(Idempotency.HEADER) String idempotencyKey) {
        Actor actor = caller.actor();
        return idempotency.handle(idempotencyKey, "POST /invoices/batch", request, () -> service.issueBatch(actor,
                request.invoices())
                .map(issued -> Response.status(Response.Status.CREATED).entity(new IssuedBatch(issued.stream()
                        .map(one -> InvoiceResponse.of(one.invoice(),
                                InvoiceResponse.CreditCheck.of(one.creditCheck(), one.creditCheck().currency()),
                                LocalDate.now(clock)))
                        .toList())).build()));
    }

    /** The invoices of a batch as issued, in request order. */
    public record IssuedBatch(List<InvoiceResponse> invoices) {
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getInvoice", summary = "Get an invoice with its lines", description = "The ETag header is the version to send in If-Match when voiding or writing off.")
    @APIResponse(responseCode = "200", description = "The invoice", headers = @Header(name = HttpHeaders.ETAG), content = @Content(schema = @Schema(implementation = InvoiceResponse.class)))
    @APIResponse(responseCode = "404", description = "No such invoice", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> get(@PathParam("id") UUID id) {
        // a portal user is told another customer's invoice does not exist, exactly as for an unknown id
        Optional<UUID> scope = caller.customerScope();
        return invoices.findWithLines(id)
                .map(invoice -> invoice == null || scope.map(invoice.customerId::equals).orElse(true) ? invoice : null)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("No invoice " + id))
                .map(invoice -> Response.ok(InvoiceResponse.of(invoice, LocalDate.now(clock)))
                        .tag(IfMatch.etag(invoice.version)).build());
    }

    @GET
    @Operation(operationId = "listInvoices", summary = "List invoices", description = "Filters combine; sort is -issueDate (default), issueDate, dueDate or -dueDate, ties broken by number. Cursor pagination: pass nextCursor as cursor for the next page. overdue=true: issued, not fully paid, due before today (UTC), disputed or not. status filters by the derived status: VOIDED and WRITTEN_OFF win, then PAID (nothing due), DISPUTED (a dispute is open), OVERDUE, PARTIALLY_PAID, ISSUED.")
    @APIResponse(responseCode = "200", description = "A page of invoices", content = @Content(schema = @Schema(implementation = InvoicePage.class)))
    @APIResponse(responseCode = "400", description = "A parameter is invalid", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<InvoicePage> list(
            @Parameter(description = "Only this customer's invoices", schema = @Schema(type = SchemaType.STRING, format = "uuid")) @QueryParam("customerId") String customerId,
            @Parameter(description = "The status as shown on the invoice, derived today: ISSUED, PARTIALLY_PAID, OVERDUE, DISPUTED, PAID, VOIDED or WRITTEN_OFF; DRAFT lists the drafts, which are listed only then", schema = @Schema(implementation = InvoiceStatus.class)) @QueryParam("status") String status,
            @Parameter(description = "Issue date on or after, e.g. 2026-01-01", schema = @Schema(type = SchemaType.STRING, format = "date")) @QueryParam("issuedFrom") String issuedFrom,
            @Parameter(description = "Issue date on or before", schema = @Schema(type = SchemaType.STRING, format = "date")) @QueryParam("issuedTo") String issuedTo,
            @Parameter(description = "Due date on or after", schema = @Schema(type = SchemaType.STRING, format = "date")) @QueryParam("dueFrom") String dueFrom,
            @Parameter(description = "Due date on or before", schema = @Schema(type = SchemaType.STRING, format = "date")) @QueryParam("dueTo") String dueTo,
            @Parameter(description = "true: only overdue invoices", schema = @Schema(type = SchemaType.BOOLEAN, defaultValue = "false")) @QueryParam("overdue") String overdue,
            @Parameter(description = "The order: a leading - sorts descending", schema = @Schema(type = SchemaType.STRING, enumeration = {
                    "-issueDate", "issueDate", "dueDate",
                    "-dueDate" }, defaultValue = "-issueDate")) @QueryParam("sort") String sort,
            @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor,
            @Parameter(description = "Page size, 1 to 500; default 50", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "500", defaultValue = "50")) @QueryParam("limit") String limit) {
        // a portal user lists only its own customer's invoices; filtering for another customer finds none
        Optional<UUID> scope = caller.customerScope();
        String onlyCustomer = scope.map(own -> customerId == null || customerId.equals(own.toString())
                ? own.toString()
                : new UUID(0, 0).toString()).orElse(customerId);
        return Uni.createFrom()
                .item(() -> InvoiceQuery.parse(onlyCustomer, status, issuedFrom, issuedTo, dueFrom, dueTo, overdue, sort,
                        cursor, limit))
                .chain(query -> invoices.page(query, LocalDate.now(clock)))
                .map(page -> {
                    LocalDate today = LocalDate.now(clock);
                    return new InvoicePage(page.items().stream().map(i -> InvoiceResponse.of(i, today)).toList(),
                            page.nextCursor());
                });
    }

    /** A page of invoices; {@code nextCursor} is absent on the last page. */
    public record InvoicePage(List<InvoiceResponse> items,
            @Schema(nullable = true, description = "null on the last page") String nextCursor) {
    }
}
