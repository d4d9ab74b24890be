package io.receivables.dunning.run.rest;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
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

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.receivables.common.idempotency.Idempotency;
import io.receivables.common.limits.BusinessDates;
import io.receivables.common.problem.FieldError;
import io.receivables.common.problem.Problem;
import io.receivables.common.problem.ProblemException;
import io.receivables.common.query.QueryParameters;
import io.receivables.common.security.Caller;
import io.receivables.contracts.events.Actor;
import io.receivables.dunning.run.service.DunningRuns;
import io.smallrye.mutiny.Uni;

@Path("/dunning-runs")
@Tag(name = "Dunning runs", description = "The daily run and runs on demand: one consolidated reminder per customer, channel and currency, each (invoice, step) once")
@Produces(MediaType.APPLICATION_JSON)
public class DunningRunResource {

    private final DunningRuns runs;
    private final Idempotency idempotency;
    private final Caller caller;

    @Inject
    public DunningRunResource(DunningRuns runs, Idempotency idempotency, Caller caller) {
        this.runs = runs;
        this.idempotency = idempotency;
        this.caller = caller;
    }

    /** A page of runs; {@code nextCursor} is absent on the last page. */
    @Schema(name = "DunningRunPage")
    public record RunPage(List<RunResponse> items,
            @Schema(nullable = true, description = "null on the last page") String nextCursor) {
    }

    @WithTransaction
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "startDunningRun", summary = "Start a dunning run", description = "A run for asOf (default today, UTC; not after today). It first waits until dunning's consumers applied every event that was on their topics now (WAITING_FOR_CATCH_UP; FAILED, sending nothing, after receivables.dunning.run.catch-up-timeout), then snapshots the candidate customers and any replica processes them (RUNNING), then COMPLETED. Each open invoice gets the most advanced step of its customer's policy that is due and was not actioned yet; one message per customer, channel and currency. Follow it at the Location. Audited.")
    @APIResponse(responseCode = "202", description = "Accepted: the run, waiting for catch-up", headers = @Header(name = HttpHeaders.LOCATION, description = "The run: /dunning-runs/{id}", schema = @Schema(type = SchemaType.STRING, format = "uri-reference")), content = @Content(schema = @Schema(implementation = RunResponse.class)))
    @APIResponse(responseCode = "400", description = "asOf is not a date, out of range or after today", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Idempotency-Key already used for a different request", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> start(RunRequest request,
            @Parameter(name = Idempotency.HEADER, in = ParameterIn.HEADER, description = Idempotency.HEADER_DESCRIPTION) @HeaderParam(Idempotency.HEADER) String idempotencyKey,
            UriInfo uri) {
        Actor actor = caller.actor();
        RunRequest body = request == null ? new RunRequest(null) : request;
        LocalDate asOf = body.asOf() == null ? runs.today() : body.asOf();
        if (!BusinessDates.inRange(asOf)) {
            throw ProblemException.invalid("asOf", BusinessDates.RANGE_MESSAGE);
        }
        runs.checkAsOf(asOf);
        return idempotency.handle(idempotencyKey, "POST /dunning-runs", body,
                () -> runs.start(actor, asOf).map(view -> Response.accepted(RunResponse.of(view))
                        .location(uri.getAbsolutePathBuilder().path(view.run().id.toString()).build()).build()));
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getDunningRun", summary = "Get a dunning run", description = "Its status and counts: candidate customers, customers done, messages written, (invoice, step)s actioned, and what was skipped by reason.")
    @APIResponse(responseCode = "200", description = "The run", content = @Content(schema = @Schema(implementation = RunResponse.class)))
    @APIResponse(responseCode = "404", description = "No such run", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<RunResponse> get(@PathParam("id") UUID id) {
        return runs.get(id).map(RunResponse::of);
    }

    @GET
    @Operation(operationId = "listDunningRuns", summary = "List dunning runs, newest first", description = "Cursor pagination: pass nextCursor as cursor for the next page.")
    @APIResponse(responseCode = "200", description = "A page of runs", content = @Content(schema = @Schema(implementation = RunPage.class)))
    @APIResponse(responseCode = "400", description = "A bad limit or cursor, named", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<RunPage> list(@Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor,
            @Parameter(description = "Page size, 1 to 100; default 50", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100", defaultValue = "50")) @QueryParam("limit") String limit) {
        List<FieldError> errors = new ArrayList<>();
        String validCursor = QueryParameters.text("cursor", cursor, errors);
        int size = QueryParameters.limit("limit", limit, 50, 100, errors);
        QueryParameters.rejectIfAny(errors);
        return runs.list(validCursor, size).map(page -> new RunPage(page.items().stream().map(RunResponse::of)
                .toList(), page.nextCursor()));
    }

    @GET
    @Path("preview")
    @Operation(operationId = "previewDunningRun", summary = "What a dunning run would send", description = "A dry run for asOf (default today, UTC; not after today): per candidate customer, in id order, the messages per channel and currency with their invoices, steps, amounts and template, and what would be skipped and why. Fees and interest are charged only by the run itself (the step's fee is shown). Writes nothing.")
    @APIResponse(responseCode = "200", description = "A page of customers", content = @Content(schema = @Schema(implementation = PreviewResponse.class)))
    @APIResponse(responseCode = "400", description = "A bad asOf, limit or cursor, named", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<PreviewResponse> preview(
            @Parameter(description = "The day to preview; default today (UTC)", schema = @Schema(type = SchemaType.STRING, format = "date")) @QueryParam("asOf") String asOf,
            @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor,
            @Parameter(description = "Customers per page, 1 to 100; default 50", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100", defaultValue = "50")) @QueryParam("limit") String limit) {
        List<FieldError> errors = new ArrayList<>();
        LocalDate day = QueryParameters.date("asOf", asOf, errors);
        UUID after = QueryParameters.uuid("cursor", cursor, errors);
        int size = QueryParameters.limit("limit", limit, 50, 100, errors);
        QueryParameters.rejectIfAny(errors);
        return runs.preview(day == null ? runs.today() : day, after, size).map(PreviewResponse::of);
    }
}
