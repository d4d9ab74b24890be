package io.receivables.common.testapp;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
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
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.receivables.common.audit.AuditLog;
import io.receivables.common.audit.AuditSummary;
import io.receivables.common.concurrency.IfMatch;
import io.receivables.common.idempotency.Idempotency;
import io.receivables.common.money.DecimalStrings;
import io.receivables.common.paging.Page;
import io.receivables.common.problem.FieldError;
import io.receivables.common.problem.ProblemException;
import io.receivables.common.query.QueryParameters;
import io.receivables.common.security.Caller;
import io.receivables.contracts.events.Actor;
import io.smallrye.mutiny.Uni;

/**
 * The self-test application's API: an idempotent POST, a PUT that needs If-Match and a cursor-paged list, as every
 * service writes them.
 */
@Path("/tracked-invoices")
@Tag(name = "Tracked invoices", description = "service-common's self-test application")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TrackedInvoiceResource {

    static final String ENDPOINT = "POST /tracked-invoices";

    private final TrackedInvoices invoices;
    private final Idempotency idempotency;
    private final AuditLog audit;
    private final Caller caller;

    @Inject
    public TrackedInvoiceResource(TrackedInvoices invoices, Idempotency idempotency, AuditLog audit, Caller caller) {
        this.invoices = invoices;
        this.idempotency = idempotency;
        this.audit = audit;
        this.caller = caller;
    }

    @WithTransaction
    @POST
    @Operation(operationId = "createTrackedInvoice", summary = "Create", description = "Safe to retry with an Idempotency-Key.")
    public Uni<Response> create(@NotNull(message = "a JSON body is required") @Valid TrackedInvoiceRequest request,
            @HeaderParam(Idempotency.HEADER) String idempotencyKey, UriInfo uri) {
        Actor actor = caller.actor();
        return idempotency.handle(idempotencyKey, ENDPOINT, request, () -> {
            TrackedInvoice invoice = new TrackedInvoice();
            invoice.id = UUID.randomUUID();
            fill(invoice, request);
            return invoices.persistAndFlush(invoice)
                    .call(created -> audit.record(actor, "createTrackedInvoice", "tracked-invoice", created.id,
                            AuditSummary.of().value("reference", created.reference).value("total", created.total)))
                    .map(created -> Response.created(uri.getAbsolutePathBuilder().path(created.id.toString()).build())
                            .tag(IfMatch.etag(created.version)).entity(TrackedInvoiceResponse.of(created)).build());
        });
    }

    @WithSession
    @GET
    @Operation(operationId = "listTrackedInvoices", summary = "List by reference", description = "Cursor pagination: pass nextCursor as cursor for the next page.")
    public Uni<Page<TrackedInvoiceResponse>> list(@QueryParam("reference") String reference,
            @QueryParam("cursor") String cursor, @QueryParam("limit") String limit) {
        List<FieldError> errors = new ArrayList<>();
        String validReference = QueryParameters.text("reference", reference, errors);
        if (validReference == null && errors.isEmpty()) {
            errors.add(new FieldError("reference", "is required"));
        }
        String validCursor = QueryParameters.text("cursor", cursor, errors);
        int size = QueryParameters.limit("limit", limit, 50, 500, errors);
        QueryParameters.rejectIfAny(errors);
        return invoices.page(validReference, validCursor, size).map(page -> new Page<>(
                page.items().stream().map(TrackedInvoiceResponse::of).toList(), page.nextCursor()));
    }

    @WithSession
    @GET
    @Path("{id}")
    @Operation(operationId = "getTrackedInvoice", summary = "Get", description = "The ETag is the version to send in If-Match.")
    public Uni<Response> get(@PathParam("id") UUID id) {
        return find(id, LockModeType.NONE).map(TrackedInvoiceResource::ok);
    }

    @WithTransaction
    @PUT
    @Path("{id}")
    @Operation(operationId = "replaceTrackedInvoice", summary = "Replace", description = "Needs If-Match with the ETag read.")
    public Uni<Response> replace(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull(message = "a JSON body is required") @Valid TrackedInvoiceRequest request) {
        Actor actor = caller.actor();
        return IfMatch.expecting(ifMatch, expected -> find(id, LockModeType.PESSIMISTIC_WRITE)
                .call(invoice -> {
                    IfMatch.check(expected, invoice.version, "Tracked invoice " + id);
                    AuditSummary change = AuditSummary.of().change("total", invoice.total,
                            DecimalStrings.parse(request.total()));
                    fill(invoice, request);
                    return audit.record(actor, "replaceTrackedInvoice", "tracked-invoice", id, change);
                })
                .call(invoices::flush))
                .map(TrackedInvoiceResource::ok);
    }

    private Uni<TrackedInvoice> find(UUID id, LockModeType lock) {
        return invoices.findById(id, lock)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("No tracked invoice " + id));
    }

    private static void fill(TrackedInvoice invoice, TrackedInvoiceRequest request) {
        invoice.reference = request.reference();
        invoice.currency = request.currency();
        invoice.total = DecimalStrings.parse(request.total());
        invoice.termsDays = request.termsDays();
    }

    private static Response ok(TrackedInvoice invoice) {
        return Response.ok(TrackedInvoiceResponse.of(invoice)).tag(IfMatch.etag(invoice.version)).build();
    }
}
