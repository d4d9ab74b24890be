package io.receivables.invoicing.creditnote.rest;

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
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

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
import io.receivables.common.problem.ProblemException;
import io.receivables.common.security.Caller;
import io.receivables.contracts.events.Actor;
import io.receivables.invoicing.creditnote.repository.CreditNoteRepository;
import io.receivables.invoicing.creditnote.service.CreditNoteService;
import io.receivables.invoicing.invoice.repository.InvoiceRepository;
import io.smallrye.mutiny.Uni;

/** Credit notes against one invoice: issue one under If-Match with the invoice's ETag, list them. */
@Path("/invoices/{id}/credit-notes")
@Tag(name = "Credit notes", description = "Credit issued invoices, in part or in full")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class InvoiceCreditNoteResource {

    private final CreditNoteService service;
    private final CreditNoteRepository creditNotes;
    private final InvoiceRepository invoices;
    private final Idempotency idempotency;
    private final Caller caller;

    @Inject
    public InvoiceCreditNoteResource(CreditNoteService service, CreditNoteRepository creditNotes,
            InvoiceRepository invoices, Idempotency idempotency, Caller caller) {
        this.service = service;
        this.creditNotes = creditNotes;
        this.invoices = invoices;
        this.idempotency = idempotency;
        this.caller = caller;
    }

    @WithTransaction
    @POST
    @Operation(operationId = "issueCreditNote", summary = "Credit an invoice", description = "Issues a credit note (gap-free number CN-<year>-<n>) for the"
            + " given lines, priced and rounded like invoice lines, or with full: true for everything not yet credited."
            + " The invoice's credit notes never add up to more than its total; what is credited beyond what was still"
            + " due is the credit note's unappliedAmount. Lowers the invoice's amountDue, changes its ETag and publishes"
            + " credit-note-issued. Needs If-Match with the ETag of GET /invoices/{id}.")
    @APIResponse(responseCode = "201", description = "Issued", headers = @Header(name = HttpHeaders.ETAG, description = "The credit note's version"), content = @Content(schema = @Schema(implementation = CreditNoteResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid request, If-Match or Idempotency-Key", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such invoice", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The invoice is VOIDED", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "The invoice changed since it was read", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "The credit would exceed what is left to credit on the invoice (credit-exceeds-invoice), or Idempotency-Key already used for a different request", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "If-Match is missing", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> issue(@PathParam("id") UUID id,
            @Parameter(description = "The ETag from GET /invoices/{id}, e.g. \"0\"") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Parameter(name = Idempotency.HEADER, in = ParameterIn.HEADER, description = Idempotency.HEADER_DESCRIPTION) @HeaderParam(Idempotency.HEADER) String idempotencyKey,
            @NotNull(message = "a JSON body is required") @Valid CreateCreditNoteRequest request, UriInfo uri) {
        Actor actor = caller.actor();
        return IfMatch.expecting(ifMatch,
                expected -> idempotency.handle(idempotencyKey, "POST /invoices/" + id + "/credit-notes", request,
                        () -> service.issue(actor, id, expected, request)
                                .map(note -> Response
                                        .created(uri.getBaseUriBuilder().path("credit-notes").path(note.id.toString())
                                                .build())
                                        .entity(CreditNoteResponse.of(note)).tag(IfMatch.etag(note.version)).build())));
    }

    @GET
    @Operation(operationId = "listInvoiceCreditNotes", summary = "List an invoice's credit notes", description = "With their lines, in number order.")
    @APIResponse(responseCode = "200", description = "The invoice's credit notes", content = @Content(schema = @Schema(implementation = CreditNoteList.class)))
    @APIResponse(responseCode = "404", description = "No such invoice", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<CreditNoteList> list(@PathParam("id") UUID id) {
        return invoices.findWithLines(id)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("No invoice " + id))
                .chain(invoice -> creditNotes.ofInvoice(id))
                .map(notes -> new CreditNoteList(notes.stream().map(CreditNoteResponse::of).toList()));
    }

    /** All credit notes of one invoice. */
    public record CreditNoteList(List<CreditNoteResponse> items) {
    }
}
