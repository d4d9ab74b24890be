package io.receivables.invoicing.schedule.rest;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.BiFunction;

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
import io.receivables.common.concurrency.ExpectedVersion;
import io.receivables.common.concurrency.IfMatch;
import io.receivables.common.idempotency.Idempotency;
import io.receivables.common.problem.FieldError;
import io.receivables.common.problem.Problem;
import io.receivables.common.problem.ProblemException;
import io.receivables.common.query.QueryParameters;
import io.receivables.common.security.Caller;
import io.receivables.contracts.events.Actor;
import io.receivables.invoicing.schedule.service.BillingScheduleService;
import io.receivables.invoicing.schedule.service.RunReport;
import io.receivables.invoicing.schedule.service.ScheduleLimits;
import io.receivables.invoicing.schedule.service.SchedulePreviewer;
import io.receivables.invoicing.schedule.service.ScheduleRunner;
import io.receivables.invoicing.schedule.service.ScheduleWithRuns;
import io.smallrye.mutiny.Uni;

@Path("/billing-schedules")
@Tag(name = "Billing schedules", description = "Recurring invoices: each period issued once, when it starts")
@Produces(MediaType.APPLICATION_JSON)
public class BillingScheduleResource {

    private final BillingScheduleService service;
    private final ScheduleRunner runner;
    private final Idempotency idempotency;
    private final SchedulePreviewer previewer;
    private final ScheduleLimits limits;
    private final Caller caller;
    private final Clock clock;

    @Inject
    public BillingScheduleResource(BillingScheduleService service, ScheduleRunner runner, Idempotency idempotency,
            SchedulePreviewer previewer, ScheduleLimits limits, Caller caller, Clock clock) {
        this.previewer = previewer;
        this.limits = limits;
        this.clock = clock;
        this.service = service;
        this.runner = runner;
        this.idempotency = idempotency;
        this.caller = caller;
    }

    @WithTransaction
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createBillingSchedule", summary = "Create a billing schedule", description = "Periods start on the anchor day every 1, 3 or 12"
            + " months, from the first anchor day on or after startDate, up to endDate (inclusive: no period starts"
            + " after it). An anchor day of 29 to 31 falls on the last day of a shorter month. Each period is issued"
            + " once as an invoice dated the period's start, as soon as it has started; a start in the past bills the"
            + " missed periods only from catchUpFrom on (at most receivables.invoicing.schedules.max-catch-up of them,"
            + " default 12; more is a 400 naming catchUpFrom): without it, billing starts with the first period on or"
            + " after today.")
    @APIResponse(responseCode = "201", description = "Created", headers = @Header(name = HttpHeaders.ETAG), content = @Content(schema = @Schema(implementation = BillingScheduleResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid request or Idempotency-Key", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Unknown customer, or Idempotency-Key already used for a different request", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> create(@NotNull(message = "a JSON body is required") @Valid BillingScheduleRequest request,
            @Parameter(name = Idempotency.HEADER, in = ParameterIn.HEADER, description = Idempotency.HEADER_DESCRIPTION) @HeaderParam(Idempotency.HEADER) String idempotencyKey,
            UriInfo uri) {
        Actor actor = caller.actor();
        return idempotency.handle(idempotencyKey, "POST /billing-schedules", request, () -> service.create(actor, request)
                .map(created -> Response.created(uri.getAbsolutePathBuilder().path(created.schedule().id.toString()).build())
                        .tag(IfMatch.etag(created.schedule().version)).entity(BillingScheduleResponse.of(created)).build()));
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getBillingSchedule", summary = "Get a billing schedule", description = "With its next run date and the periods issued so far."
            + " The ETag header is the version to send in If-Match to pause, resume or cancel.")
    @APIResponse(responseCode = "200", description = "The schedule", headers = @Header(name = HttpHeaders.ETAG), content = @Content(schema = @Schema(implementation = BillingScheduleResponse.class)))
    @APIResponse(responseCode = "404", description = "No such schedule", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> get(@PathParam("id") UUID id) {
        return service.find(id).map(BillingScheduleResource::ok);
    }

    @GET
    @Path("{id}/preview")
    @Operation(operationId = "previewBillingSchedule", summary = "Preview what a billing schedule would issue", description = "The periods"
            + " the schedule would issue up to until (default today, UTC), oldest first, each with the invoice's issue"
            + " date, due date, currency and amounts, priced as issuing prices them; nothing is issued or written. Currency"
            + " and terms the schedule leaves to the customer are the customer's as they stand now. Only an ACTIVE schedule"
            + " issues; runs issue the listed periods a bounded number at a time, in this order.")
    @APIResponse(responseCode = "200", description = "The periods that would be issued", content = @Content(schema = @Schema(implementation = SchedulePreviewResponse.class)))
    @APIResponse(responseCode = "400", description = "until is not a date, or lies beyond the preview horizon", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such schedule", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<SchedulePreviewResponse> preview(@PathParam("id") UUID id,
            @Parameter(description = "Include the periods starting on or before this date; default today (UTC), at most"
                    + " receivables.invoicing.schedules.preview-horizon-months (default 36) months after today", schema = @Schema(type = SchemaType.STRING, format = "date")) @QueryParam("until") String until) {
        List<FieldError> errors = new ArrayList<>();
        LocalDate horizon = previewer.horizon();
        LocalDate last = until == null ? null : QueryParameters.date("until", until, errors);
        if (last != null && last.isAfter(horizon)) {
            errors.add(new FieldError("until", "must not be after " + horizon + ": a preview looks at most "
                    + limits.previewHorizonMonths() + " months ahead"));
        }
        QueryParameters.rejectIfAny(errors);
        return previewer.preview(id, last != null ? last : LocalDate.now(clock)).map(SchedulePreviewResponse::of);
    }

    @GET
    @Operation(operationId = "listBillingSchedules", summary = "List billing schedules", description = "Oldest first. Cursor pagination: pass nextCursor as cursor for the next page.")
    @APIResponse(responseCode = "200", description = "A page of schedules", content = @Content(schema = @Schema(implementation = SchedulePage.class)))
    @APIResponse(responseCode = "400", description = "A parameter is invalid", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<SchedulePage> list(
            @Parameter(description = "Only this customer's schedules", schema = @Schema(type = SchemaType.STRING, format = "uuid")) @QueryParam("customerId") String customerId,
            @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor,
            @Parameter(description = "Page size, 1 to 500; default 50", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "500", defaultValue = "50")) @QueryParam("limit") String limit) {
        List<FieldError> errors = new ArrayList<>();
        String validCursor = QueryParameters.text("cursor", cursor, errors);
        int size = QueryParameters.limit("limit", limit, 50, 500, errors);
        QueryParameters.rejectIfAny(errors);
        return Uni.createFrom().item(() -> customerId == null ? null : customerId(customerId))
                .chain(customer -> service.list(customer, validCursor, size))
                .map(page -> new SchedulePage(page.items().stream().map(BillingScheduleResponse::of).toList(),
                        page.nextCursor()));
    }

    /** A page of schedules; {@code nextCursor} is absent on the last page. */
    public record SchedulePage(List<BillingScheduleResponse> items,
            @Schema(nullable = true, description = "null on the last page") String nextCursor) {
    }

    @WithTransaction
    @POST
    @Path("{id}/pause")
    @Operation(operationId = "pauseBillingSchedule", summary = "Pause a billing schedule", description = "ACTIVE to PAUSED: nothing is issued while paused. Needs If-Match.")
    @APIResponse(responseCode = "200", description = "Paused", headers = @Header(name = HttpHeaders.ETAG), content = @Content(schema = @Schema(implementation = BillingScheduleResponse.class)))
    @APIResponse(responseCode = "404", description = "No such schedule", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The schedule is not ACTIVE", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "The schedule changed since it was read", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "If-Match is missing", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> pause(@PathParam("id") UUID id,
            @Parameter(description = "The ETag from GET /billing-schedules/{id}, e.g. \"0\"") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Parameter(name = Idempotency.HEADER, in = ParameterIn.HEADER, description = Idempotency.HEADER_DESCRIPTION) @HeaderParam(Idempotency.HEADER) String idempotencyKey) {
        Actor actor = caller.actor();
        return change(id, "pause", ifMatch, idempotencyKey, (sid, expected) -> service.pause(actor, sid, expected));
    }

    @WithTransaction
    @POST
    @Path("{id}/resume")
    @Operation(operationId = "resumeBillingSchedule", summary = "Resume a paused billing schedule", description = "PAUSED to ACTIVE. The next period is the first"
            + " that starts today or later: periods that started while paused are skipped, not billed late. Needs If-Match.")
    @APIResponse(responseCode = "200", description = "Resumed", headers = @Header(name = HttpHeaders.ETAG), content = @Content(schema = @Schema(implementation = BillingScheduleResponse.class)))
    @APIResponse(responseCode = "404", description = "No such schedule", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The schedule is not PAUSED", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "The schedule changed since it was read", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "If-Match is missing", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> resume(@PathParam("id") UUID id,
            @Parameter(description = "The ETag from GET /billing-schedules/{id}, e.g. \"0\"") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Parameter(name = Idempotency.HEADER, in = ParameterIn.HEADER, description = Idempotency.HEADER_DESCRIPTION) @HeaderParam(Idempotency.HEADER) String idempotencyKey) {
        Actor actor = caller.actor();
        return change(id, "resume", ifMatch, idempotencyKey, (sid, expected) -> service.resume(actor, sid, expected));
    }

    @WithTransaction
    @POST
    @Path("{id}/cancel")
    @Operation(operationId = "cancelBillingSchedule", summary = "Cancel a billing schedule", description = "ACTIVE or PAUSED to CANCELLED, for good; invoices already issued stay. Needs If-Match.")
    @APIResponse(responseCode = "200", description = "Cancelled", headers = @Header(name = HttpHeaders.ETAG), content = @Content(schema = @Schema(implementation = BillingScheduleResponse.class)))
    @APIResponse(responseCode = "404", description = "No such schedule", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The schedule is already CANCELLED or COMPLETED", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "The schedule changed since it was read", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "If-Match is missing", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> cancel(@PathParam("id") UUID id,
            @Parameter(description = "The ETag from GET /billing-schedules/{id}, e.g. \"0\"") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Parameter(name = Idempotency.HEADER, in = ParameterIn.HEADER, description = Idempotency.HEADER_DESCRIPTION) @HeaderParam(Idempotency.HEADER) String idempotencyKey) {
        Actor actor = caller.actor();
        return change(id, "cancel", ifMatch, idempotencyKey, (sid, expected) -> service.cancel(actor, sid, expected));
    }

    @POST
    @Path("run")
    @Operation(operationId = "runBillingSchedules", summary = "Issue the periods that are due now", description = "What the scheduler does every"
            + " receivables.invoicing.schedules.interval, for operators. Bounded, so it answers within seconds whatever"
            + " the backlog: at most receivables.invoicing.schedules.max-periods-per-schedule periods of one schedule"
            + " (default 12) and max-periods-per-run in all (default 100, failed attempts included); what is left is"
            + " reported under deferred and issued by the next runs, oldest period first. Safe to repeat and to run on several replicas"
            + " at once: a period already issued is never issued again, so no Idempotency-Key is needed. A schedule that"
            + " fails (e.g. credit limit under policy REJECT) is reported under failed, keeps the error as lastError and"
            + " is tried again on the next run; the others go on.")
    @APIResponse(responseCode = "200", description = "What this run issued, which schedules failed and what it deferred", content = @Content(schema = @Schema(implementation = RunReport.class)))
    public Uni<RunReport> run() {
        // run by hand, the periods are issued by the admin who asked, not by the scheduler
        return runner.runDue(caller.actor());
    }

    private Uni<Response> change(UUID id, String action, String ifMatch, String idempotencyKey,
            BiFunction<UUID, ExpectedVersion, Uni<ScheduleWithRuns>> change) {
        return IfMatch.expecting(ifMatch,
                expected -> idempotency.handle(idempotencyKey, "POST /billing-schedules/" + id + "/" + action, null,
                        () -> change.apply(id, expected).map(BillingScheduleResource::ok)));
    }

    /** A malformed id is the client's mistake (400 naming it), not an unknown resource (JAX-RS would answer 404). */
    private static UUID customerId(String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("customerId", "'" + value + "' is not a UUID");
        }
    }

    private static Response ok(ScheduleWithRuns view) {
        return Response.ok(BillingScheduleResponse.of(view)).tag(IfMatch.etag(view.schedule().version)).build();
    }
}
