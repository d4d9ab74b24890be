package io.receivables.invoicing.statement.rest;

import java.time.LocalDate;
import java.util.ArrayList;
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

import io.receivables.common.money.Currencies;
import io.receivables.common.problem.FieldError;
import io.receivables.common.problem.Problem;
import io.receivables.common.problem.ProblemException;
import io.receivables.common.query.QueryParameters;
import io.receivables.common.security.Caller;
import io.receivables.invoicing.document.StatementPdfRenderer;
import io.receivables.invoicing.statement.service.StatementService;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/** A customer's statement of account as of a date, as JSON and as the PDF sent to the customer. */
@Path("/customers/{id}/statement")
@Tag(name = "Customers", description = "Register customers and keep their billing profiles")
public class StatementResource {

    static final String PDF = "application/pdf";

    private final StatementService statements;
    private final StatementPdfRenderer renderer = new StatementPdfRenderer();
    private final Caller caller;

    @Inject
    public StatementResource(StatementService statements, Caller caller) {
        this.statements = statements;
        this.caller = caller;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getStatement", summary = "Get a customer's statement of account", description = "As of a date (default today, UTC), in"
            + " one currency (default the customer's; amounts are never converted): open items, credits, balance and"
            + " aging, from the facts as they stood on that date.")
    @APIResponse(responseCode = "200", description = "The statement", content = @Content(schema = @Schema(implementation = StatementResponse.class)))
    @APIResponse(responseCode = "400", description = "asOf or currency invalid", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such customer", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<StatementResponse> statement(@PathParam("id") UUID id,
            @Parameter(description = "The statement date, e.g. 2026-11-30; default today", schema = @Schema(type = SchemaType.STRING, format = "date")) @QueryParam("asOf") String asOf,
            @Parameter(description = "ISO 4217 code; default the customer's currency", schema = @Schema(type = SchemaType.STRING, pattern = "^[A-Z]{3}$")) @QueryParam("currency") String currency) {
        Optional<UUID> scope = caller.customerScope();
        return Uni.createFrom().item(() -> Query.parse(asOf, currency))
                .invoke(query -> requireOwn(scope, id))
                .chain(query -> statements.statement(id, query.asOf(), query.currency()))
                .map(StatementResponse::of);
    }

    @GET
    @Path("pdf")
    @Produces(PDF)
    @Operation(operationId = "getStatementPdf", summary = "Get a customer's statement of account as PDF", description = "The same statement as the JSON, printed.")
    @APIResponse(responseCode = "200", description = "The statement as PDF", headers = @Header(name = HttpHeaders.CONTENT_DISPOSITION, description = "inline; filename=\"statement-<customer id>-<date>.pdf\"", schema = @Schema(type = SchemaType.STRING)), content = @Content(mediaType = PDF, schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "400", description = "asOf or currency invalid", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such customer", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> pdf(@PathParam("id") UUID id,
            @Parameter(description = "The statement date, e.g. 2026-11-30; default today", schema = @Schema(type = SchemaType.STRING, format = "date")) @QueryParam("asOf") String asOf,
            @Parameter(description = "ISO 4217 code; default the customer's currency", schema = @Schema(type = SchemaType.STRING, pattern = "^[A-Z]{3}$")) @QueryParam("currency") String currency) {
        Optional<UUID> scope = caller.customerScope();
        return Uni.createFrom().item(() -> Query.parse(asOf, currency))
                .invoke(query -> requireOwn(scope, id))
                .chain(query -> statements.statement(id, query.asOf(), query.currency()))
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .map(statement -> Response.ok(renderer.render(statement.document()), PDF)
                        .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"statement-" + id + "-"
                                + statement.document().asOf() + ".pdf\"")
                        .build());
    }

    /** A portal user asking for another customer's statement gets the 404 of a customer that does not exist. */
    private static void requireOwn(Optional<UUID> customerScope, UUID customerId) {
        if (customerScope.filter(own -> !own.equals(customerId)).isPresent()) {
            throw ProblemException.notFound("No customer " + customerId);
        }
    }

    /** The query parameters; every bad one is reported at once. */
    record Query(LocalDate asOf, String currency) {

        static Query parse(String asOf, String currency) {
            List<FieldError> errors = new ArrayList<>();
            LocalDate date = QueryParameters.date("asOf", asOf, errors);
            String code = currency == null || currency.isBlank() ? null : currency;
            if (code != null && !Currencies.isIssuable(code)) {
                errors.add(new FieldError("currency", "'" + currency + "' is not an ISO 4217 currency"));
            }
            if (!errors.isEmpty()) {
                throw ProblemException.invalid(errors);
            }
            return new Query(date, code);
        }
    }
}
