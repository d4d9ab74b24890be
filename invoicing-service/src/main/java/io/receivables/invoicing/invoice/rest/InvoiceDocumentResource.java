package io.receivables.invoicing.invoice.rest;

import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.receivables.common.problem.Problem;
import io.receivables.common.security.Caller;
import io.receivables.invoicing.document.DocumentRendering.Rendered;
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
        return documents.pdf(id, caller.customerScope()).map(rendered -> inline(rendered, PDF, ".pdf"));
    }

    @GET
    @Path("ubl")
    @Produces(MediaType.APPLICATION_XML)
    @Operation(operationId = "getInvoiceUbl", summary = "Get an invoice as UBL 2.1 e-invoice", description = "A UBL 2.1 Invoice following EN 16931 and Peppol BIS Billing 3.0, for import into the customer's accounting system. It needs the customer's complete billing address.")
    @APIResponse(responseCode = "200", description = "The invoice as UBL 2.1 XML", headers = @Header(name = HttpHeaders.CONTENT_DISPOSITION, description = "inline; filename=\"<invoice number>.xml\"", schema = @Schema(type = SchemaType.STRING)), content = @Content(mediaType = MediaType.APPLICATION_XML, schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "404", description = "No such invoice", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "The customer lacks billing data an e-invoice needs (missing-billing-data); errors names the fields, e.g. billingAddress", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> ubl(@PathParam("id") UUID id) {
        return documents.ubl(id, caller.customerScope()).map(rendered -> inline(rendered, MediaType.APPLICATION_XML, ".xml"));
    }

    /** The document shown in the browser, named after its number: {@code inline; filename="INV-2026-000001.pdf"}. */
    public static Response inline(Rendered rendered, String mediaType, String extension) {
        return Response.ok(rendered.content(), mediaType)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        "inline; filename=\"" + rendered.documentNumber() + extension + "\"")
                .build();
    }
}
