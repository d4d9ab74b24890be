package io.receivables.payments.statement.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.receivables.common.problem.Problem;
import io.receivables.common.problem.ProblemException;
import io.receivables.common.security.Caller;
import io.receivables.contracts.events.Actor;
import io.receivables.payments.statement.BankStatementReader;
import io.receivables.payments.statement.service.ImportReport;
import io.receivables.payments.statement.service.StatementImport;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;

@Path("/bank-statements")
@Tag(name = "Bank statements", description = "Importing the account's statements: payments received and returned")
@Produces(MediaType.APPLICATION_JSON)
public class BankStatementResource {

    private final BankStatementReader reader = new BankStatementReader();
    private final StatementImport imports;
    private final Vertx vertx;
    private final Caller caller;

    @Inject
    public BankStatementResource(StatementImport imports, Vertx vertx, Caller caller) {
        this.imports = imports;
        this.vertx = vertx;
        this.caller = caller;
    }

    @POST
    @Consumes({ MediaType.APPLICATION_XML, "text/csv", MediaType.APPLICATION_OCTET_STREAM })
    @Operation(operationId = "importBankStatement", summary = "Import a bank statement file", description = "A camt.053 or camt.054 (001.02 or 001.08) or the CSV layout of docs/bank-statements.md; the format is read from the content, never from the Content-Type. Up to 10 MB (the HTTP body limit) and 25,000 entries. A file with any bad entry is refused whole, naming every bad entry, and nothing is written. Otherwise each entry is imported in its own transaction: credits are recorded as payments (their bank reference deduplicates, so importing a file again records nothing twice), returns reverse the payment whose end-to-end id or bank reference they quote. The report names each entry's outcome.")
    @RequestBody(required = true, content = {
            @Content(mediaType = MediaType.APPLICATION_XML, schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = MediaType.APPLICATION_OCTET_STREAM, schema = @Schema(type = SchemaType.STRING, format = "binary")) })
    @APIResponse(responseCode = "200", description = "Imported; the outcome of each entry", content = @Content(schema = @Schema(implementation = ImportReport.class)))
    @APIResponse(responseCode = "400", description = "Not a statement this service reads, or bad entries (each named with its line); nothing written", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "Over 10 MB or 25,000 entries; nothing written", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<ImportReport> importStatement(byte[] body) {
        if (body == null || body.length == 0) {
            return Uni.createFrom().failure(ProblemException.invalid("body", "the statement file is empty"));
        }
        Actor actor = caller.actor();
        // reading a large file takes a second or two: off the event loop; importing resumes on this request's context
        return vertx.executeBlocking(Uni.createFrom().item(() -> reader.read(body)), false)
                .chain(statement -> imports.importStatement(actor, statement));
    }
}
