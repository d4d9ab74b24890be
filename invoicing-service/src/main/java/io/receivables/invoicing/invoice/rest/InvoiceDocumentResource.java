package io.receivables.invoicing.invoice.rest;

import java.util.List;
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

import io.receivables.common.problem.FieldError;
import io.receivables.common.problem.Problem;
import io.receivables.common.problem.ProblemException;
import io.receivables.common.security.Caller;
import io.receivables.invoicing.document.DocumentRendering.Rendered;
import io.receivables.invoicing.document.EInvoiceFormat;
import io.receivables.invoicing.invoice.service.InvoiceDocumentService;
import io.smallrye.mutiny.Uni;

/** An issued invoice as the documents a customer receives: PDF to read, UBL to import. */
@Path("/invoices/{id}")
@Tag(name = "Invoices", description = "Issue and read invoices")
public class InvoiceDocumentResource {

    public static final String PDF = "application/pdf";

    private final InvoiceDocumentService documents;
    private final Caller caller;

    @Inject
    public InvoiceDocumentResource(InvoiceDocumentService documents, Caller caller) {
        this.documents = documents;
        this.caller = caller;
    }

    @GET
    @Path("pdf")
    @Produces(PDF)
    @Operation(operationId = "getInvoicePdf", summary = "Get an invoice as PDF", description = "The printable invoice. A customer without a billing address on record still gets one, showing what there is.")
    @APIResponse(responseCode = "200", description = "The invoice as PDF", headers = @Header(name = HttpHeaders.CONTENT_DISPOSITION, description = "inline; filename=\"<invoice number>.pdf\"", schema = @Schema(type = SchemaType.STRING)), content = @Content(mediaType = PDF, schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "404", description = "No such invoice", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> pdf(@PathParam("id") UUID id) {
        return documents.pdf(id, caller.customerScope()).map(InvoiceDocumentResource::inline);
    }

    @GET
    @Path("ubl")
    @Produces(MediaType.APPLICATION_XML)
    @Operation(operationId = "getInvoiceUbl", summary = "Get an invoice as UBL 2.1 e-invoice", description = "A UBL 2.1 Invoice following EN 16931 and Peppol BIS Billing 3.0, for import into the customer's accounting system: the same document as GET /invoices/{id}/einvoice?format=peppol-bis-3.")
    @APIResponse(responseCode = "200", description = "The invoice as UBL 2.1 XML", headers = @Header(name = HttpHeaders.CONTENT_DISPOSITION, description = "inline; filename=\"<invoice number>.xml\"", schema = @Schema(type = SchemaType.STRING)), content = @Content(mediaType = MediaType.APPLICATION_XML, schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "404", description = "No such invoice", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "The customer or invoice lacks what a Peppol BIS 3 e-invoice needs (missing-billing-data); errors names the fields: billingAddress, peppolParticipant, buyerReference. currency-not-supported-by-format for a currency with more than two decimals", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> ubl(@PathParam("id") UUID id) {
        return documents.eInvoice(id, Optional.of(EInvoiceFormat.PEPPOL_BIS_3), caller.customerScope())
                .map(InvoiceDocumentResource::inline);
    }

    @GET
    @Path("einvoice")
    @Produces({ MediaType.APPLICATION_XML, PDF })
    @Operation(operationId = "getInvoiceEInvoice", summary = "Get an invoice as e-invoice in a chosen format", description = "The invoice in the requested format (docs/einvoicing.md): peppol-bis-3 (UBL 2.1, Peppol BIS Billing 3.0), en16931-ubl (UBL 2.1, the core norm, for receivers outside Peppol), xrechnung-3 (UBL 2.1, the German CIUS, Leitweg-ID as buyer reference), xrechnung-3-cii (the same in UN/CEFACT CII) or factur-x (Factur-X / ZUGFeRD profile EN 16931: a PDF/A-3 with the CII XML embedded as factur-x.xml). Without format, the customer's preferred format (einvoiceFormat). A document a format cannot be valid in is refused with 422 naming what is missing, never served.")
    @APIResponse(responseCode = "200", description = "The invoice as UBL 2.1 or CII XML, or for factur-x as PDF/A-3", headers = @Header(name = HttpHeaders.CONTENT_DISPOSITION, description = "inline; filename=\"<invoice number>.xml\" (.pdf for factur-x)", schema = @Schema(type = SchemaType.STRING)), content = {
            @Content(mediaType = MediaType.APPLICATION_XML, schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = PDF, schema = @Schema(type = SchemaType.STRING, format = "binary")) })
    @APIResponse(responseCode = "400", description = "format is not one of the supported formats (validation, naming format)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such invoice", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The invoice is a draft: it has no documents until it is issued", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "missing-billing-data: the customer or invoice lacks what the format needs, errors names the fields (billingAddress, peppolParticipant, buyerReference); currency-not-supported-by-format: a currency with more than two decimals", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> eInvoice(@PathParam("id") UUID id,
            @Parameter(description = "The e-invoice format; default: the customer's einvoiceFormat", schema = @Schema(type = SchemaType.STRING, enumeration = {
                    "peppol-bis-3", "en16931-ubl", "xrechnung-3", "xrechnung-3-cii",
                    "factur-x" })) @QueryParam("format") String format) {
        return documents.eInvoice(id, format(format), caller.customerScope())
                .map(InvoiceDocumentResource::inline);
    }

    /**
     * The format a request names; empty when it names none.
     *
     * @throws ProblemException 400 naming {@code format} when it is not a supported format
     */
    public static Optional<EInvoiceFormat> format(String slug) {
        if (slug == null || slug.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(EInvoiceFormat.ofSlug(slug).orElseThrow(() -> ProblemException.invalid(List.of(
                new FieldError("format", "'" + slug + "' is not a supported format; use one of "
                        + EInvoiceFormat.slugs())))));
    }

    /** The document shown in the browser, named after its number: {@code inline; filename="INV-2026-000001.pdf"}. */
    public static Response inline(Rendered rendered) {
        return Response.ok(rendered.content(), rendered.mediaType())
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        "inline; filename=\"" + rendered.documentNumber() + rendered.extension() + "\"")
                .build();
    }
}
