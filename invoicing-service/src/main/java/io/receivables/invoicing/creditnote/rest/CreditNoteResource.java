package io.receivables.invoicing.creditnote.rest;

import java.util.Optional;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
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

import io.receivables.common.concurrency.IfMatch;
import io.receivables.common.problem.Problem;
import io.receivables.common.problem.ProblemException;
import io.receivables.invoicing.creditnote.repository.CreditNoteRepository;
import io.receivables.invoicing.creditnote.service.CreditNoteDocumentService;
import io.receivables.invoicing.document.EInvoiceFormat;
import io.receivables.invoicing.invoice.rest.InvoiceDocumentResource;
import io.smallrye.mutiny.Uni;

/**
 * One credit note: as JSON, as the InvoiceDocumentResource.PDF the customer reads and as the UBL e-credit note its accounting
 * imports.
 */
@Path("/credit-notes/{id}")
@Tag(name = "Credit notes", description = "Credit issued invoices, in part or in full")
public class CreditNoteResource {

    private final CreditNoteRepository creditNotes;
    private final CreditNoteDocumentService documents;

    @Inject
    public CreditNoteResource(CreditNoteRepository creditNotes, CreditNoteDocumentService documents) {
        this.creditNotes = creditNotes;
        this.documents = documents;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getCreditNote", summary = "Get a credit note with its lines", description = "Its amounts are in the currency of the invoice it credits.")
    @APIResponse(responseCode = "200", description = "The credit note", headers = @Header(name = HttpHeaders.ETAG), content = @Content(schema = @Schema(implementation = CreditNoteResponse.class)))
    @APIResponse(responseCode = "404", description = "No such credit note", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> get(@PathParam("id") UUID id) {
        return creditNotes.findWithLines(id)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("No credit note " + id))
                .map(note -> Response.ok(CreditNoteResponse.of(note)).tag(IfMatch.etag(note.version)).build());
    }

    @GET
    @Path("pdf")
    @Produces(InvoiceDocumentResource.PDF)
    @Operation(operationId = "getCreditNotePdf", summary = "Get a credit note as PDF", description = "The printable credit note, naming the invoice it credits.")
    @APIResponse(responseCode = "200", description = "The credit note as PDF", headers = @Header(name = HttpHeaders.CONTENT_DISPOSITION, description = "inline; filename=\"<credit note number>.pdf\"", schema = @Schema(type = SchemaType.STRING)), content = @Content(mediaType = InvoiceDocumentResource.PDF, schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "404", description = "No such credit note", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> pdf(@PathParam("id") UUID id) {
        return documents.pdf(id).map(InvoiceDocumentResource::inline);
    }

    @GET
    @Path("ubl")
    @Produces(MediaType.APPLICATION_XML)
    @Operation(operationId = "getCreditNoteUbl", summary = "Get a credit note as UBL 2.1 e-credit note", description = "A UBL 2.1 CreditNote following EN 16931 and Peppol BIS Billing 3.0, referring to the credited invoice (BillingReference). It needs the customer's complete billing address.")
    @APIResponse(responseCode = "200", description = "The credit note as UBL 2.1 XML", headers = @Header(name = HttpHeaders.CONTENT_DISPOSITION, description = "inline; filename=\"<credit note number>.xml\"", schema = @Schema(type = SchemaType.STRING)), content = @Content(mediaType = MediaType.APPLICATION_XML, schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "404", description = "No such credit note", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "The customer lacks what a Peppol BIS 3 e-credit note needs (missing-billing-data, naming the fields); currency-not-supported-by-format for a currency with more than two decimals", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> ubl(@PathParam("id") UUID id) {
        return documents.eInvoice(id, Optional.of(EInvoiceFormat.PEPPOL_BIS_3))
                .map(InvoiceDocumentResource::inline);
    }

    @GET
    @Path("einvoice")
    @Produces({ MediaType.APPLICATION_XML, InvoiceDocumentResource.PDF })
    @Operation(operationId = "getCreditNoteEInvoice", summary = "Get a credit note as e-credit note in a chosen format", description = "The credit note in the requested format, like GET /invoices/{id}/einvoice (a UBL 2.1 CreditNote; in CII, for xrechnung-3-cii and inside the factur-x PDF/A-3, an invoice of type code 381), naming the credited invoice and carrying its buyer reference. Without format, the customer's preferred format.")
    @APIResponse(responseCode = "200", description = "The credit note as UBL 2.1 or CII XML, or for factur-x as PDF/A-3", headers = @Header(name = HttpHeaders.CONTENT_DISPOSITION, description = "inline; filename=\"<credit note number>.xml\" (.pdf for factur-x)", schema = @Schema(type = SchemaType.STRING)), content = {
            @Content(mediaType = MediaType.APPLICATION_XML, schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = InvoiceDocumentResource.PDF, schema = @Schema(type = SchemaType.STRING, format = "binary")) })
    @APIResponse(responseCode = "400", description = "format is not one of the supported formats (validation, naming format)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such credit note", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "missing-billing-data naming the fields the format needs; currency-not-supported-by-format for a currency with more than two decimals", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> eInvoice(@PathParam("id") UUID id,
            @Parameter(description = "The e-invoice format; default: the customer's einvoiceFormat", schema = @Schema(type = SchemaType.STRING, enumeration = {
                    "peppol-bis-3", "en16931-ubl", "xrechnung-3", "xrechnung-3-cii",
                    "factur-x" })) @QueryParam("format") String format) {
        return documents.eInvoice(id, InvoiceDocumentResource.format(format))
                .map(InvoiceDocumentResource::inline);
    }
}
