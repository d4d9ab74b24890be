package io.receivables.invoicing.invoice.importing.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.receivables.common.idempotency.Idempotency;
import io.receivables.common.problem.Problem;
import io.receivables.common.security.Caller;
import io.receivables.contracts.events.Actor;
import io.receivables.invoicing.invoice.importing.ImportReport;
import io.receivables.invoicing.invoice.importing.service.InvoiceImportService;
import io.smallrye.mutiny.Uni;

@Path("/invoices/import")
@Tag(name = "Invoices", description = "Issue and read invoices")
@Produces(MediaType.APPLICATION_JSON)
public class InvoiceImportResource {

    public static final String CSV = "text/csv";
    public static final String NDJSON = "application/x-ndjson";

    private static final String DESCRIPTION = "Historical invoices from an ERP keep their original number (unique; one"
            + " already on record is rejected as duplicate-number, so importing a file again writes nothing twice),"
            + " issue date and due date, and do not use this service's gap-free series. The credit limit is not"
            + " checked: they exist already. Each invoice is accepted or rejected on its own, in its own transaction,"
            + " and each accepted one publishes invoice-issued. An invoice may bring how it ended (voided or written"
            + " off, with the reason and the date, within the bounds of POST /invoices/{id}/void and /write-off): it is"
            + " recorded so from that date and also publishes invoice-voided or invoice-written-off."
            + " At most 10,000 rows per request (413 beyond).";

    private final InvoiceImportService service;
    private final Idempotency idempotency;
    private final Caller caller;

    @Inject
    public InvoiceImportResource(InvoiceImportService service, Idempotency idempotency, Caller caller) {
        this.service = service;
        this.idempotency = idempotency;
        this.caller = caller;
    }

    @POST
    @Consumes(CSV)
    @Operation(operationId = "importInvoices", summary = "Import historical invoices from CSV", description = DESCRIPTION
            + " A header row names the"
            + " columns (any order): externalNumber, customerId, issueDate, description, quantity, unitPrice, taxRate;"
            + " optional dueDate, currency, poNumber, paymentTermsType, paymentTermsDays, voidedOn and voidReasonCode,"
            + " writtenOffOn and writeOffReasonCode. One row per invoice line; the"
            + " rows of an invoice share its externalNumber and its invoice columns come from its first row.")
    @RequestBody(content = @Content(mediaType = CSV, schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING)))
    @APIResponse(responseCode = "200", description = "The report, invoice by invoice", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ImportReport.class)))
    @APIResponse(responseCode = "400", description = "The header names an unknown column or lacks a required one (named), or the body is not CSV", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "More than 10,000 rows", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Idempotency-Key already used for a different request", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> importCsv(String body,
            @Parameter(name = Idempotency.HEADER, in = ParameterIn.HEADER, description = Idempotency.HEADER_DESCRIPTION) @HeaderParam(Idempotency.HEADER) String idempotencyKey) {
        Actor actor = caller.actor();
        return idempotency.handle(idempotencyKey, "POST /invoices/import (CSV)", body,
                () -> service.importCsv(actor, body == null ? "" : body).map(InvoiceImportResource::ok));
    }

    @POST
    @Consumes(NDJSON)
    @Operation(operationId = "importInvoices", summary = "Import historical invoices from NDJSON", description = DESCRIPTION
            + " One invoice per line:"
            + " the body of POST /invoices plus externalNumber, and optionally voided or writtenOff: {reasonCode,"
            + " effectiveDate, note}.")
    @RequestBody(content = @Content(mediaType = NDJSON, schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING)))
    @APIResponse(responseCode = "200", description = "The report, invoice by invoice", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ImportReport.class)))
    @APIResponse(responseCode = "400", description = "The body is empty", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "More than 10,000 invoices", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Idempotency-Key already used for a different request", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> importNdjson(String body,
            @Parameter(name = Idempotency.HEADER, in = ParameterIn.HEADER, description = Idempotency.HEADER_DESCRIPTION) @HeaderParam(Idempotency.HEADER) String idempotencyKey) {
        Actor actor = caller.actor();
        return idempotency.handle(idempotencyKey, "POST /invoices/import (NDJSON)", body,
                () -> service.importNdjson(actor, body == null ? "" : body).map(InvoiceImportResource::ok));
    }

    private static Response ok(ImportReport report) {
        return Response.ok(report).build();
    }
}
