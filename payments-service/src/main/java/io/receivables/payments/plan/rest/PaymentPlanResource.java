package io.receivables.payments.plan.rest;

import java.util.ArrayList;
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
import io.receivables.common.concurrency.IfMatch;
import io.receivables.common.idempotency.Idempotency;
import io.receivables.common.problem.FieldError;
import io.receivables.common.problem.Problem;
import io.receivables.common.query.QueryParameters;
import io.receivables.common.security.Caller;
import io.receivables.contracts.events.Actor;
import io.receivables.payments.plan.PlanStatus;
import io.receivables.payments.plan.repository.PaymentPlanRepository;
import io.receivables.payments.plan.service.PlanChanges;
import io.receivables.payments.plan.service.PlanCreation;
import io.receivables.payments.plan.service.PlanQueries;
import io.receivables.payments.plan.service.PlanScheduler;
import io.receivables.payments.plan.service.PlanView;
import io.smallrye.mutiny.Uni;

@Path("/payment-plans")
@Tag(name = "Payment plans", description = "Instalment plans for open invoices of one customer")
@Produces(MediaType.APPLICATION_JSON)
public class PaymentPlanResource {

    private final PlanCreation creation;
    private final PlanQueries queries;
    private final PlanChanges changes;
    private final PlanScheduler scheduler;
    private final Idempotency idempotency;
    private final Caller caller;

    @Inject
    public PaymentPlanResource(PlanCreation creation, PlanQueries queries, PlanChanges changes,
            PlanScheduler scheduler, Idempotency idempotency, Caller caller) {
        this.creation = creation;
        this.queries = queries;
        this.changes = changes;
        this.scheduler = scheduler;
        this.idempotency = idempotency;
        this.caller = caller;
    }

    @WithTransaction
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createPaymentPlan", summary = "Agree a payment plan for open invoices", description = "For open invoices of one customer in one currency, none in another active plan: an optional down payment, then instalments given one by one (due dates ascending) or a schedule of count equal ones (WEEKLY, MONTHLY or every intervalDays DAYS; the last absorbs what does not divide evenly in minor units). Together they add up to total (default: what is open on the invoices). Payments allocated to the invoices fill them oldest first; the plan is COMPLETED when paid, BROKEN when an instalment is more than receivables.payments.plans.grace-days late. Publishes payment-plan-created.")
    @APIResponse(responseCode = "201", description = "Created", headers = @Header(name = HttpHeaders.ETAG), content = @Content(schema = @Schema(implementation = PaymentPlanResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid request, named: amounts (decimals, zero, not adding up to the total), due dates (past, not ascending), count or interval, invoices of another customer or currency", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "An invoice owes nothing (paid, voided, written off) or is in another active plan, named", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Unknown customer or invoice, or Idempotency-Key already used for a different request", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> create(@NotNull(message = "a JSON body is required") @Valid CreatePlanRequest request,
            @Parameter(name = Idempotency.HEADER, in = ParameterIn.HEADER, description = Idempotency.HEADER_DESCRIPTION) @HeaderParam(Idempotency.HEADER) String idempotencyKey,
            UriInfo uri) {
        Actor actor = caller.actor();
        return idempotency.handle(idempotencyKey, "POST /payment-plans", request,
                () -> creation.create(actor, request.command()).map(view -> Response
                        .created(uri.getAbsolutePathBuilder().path(view.plan().id.toString()).build())
                        .tag(IfMatch.etag(view.plan().version)).entity(PaymentPlanResponse.of(view)).build()));
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getPaymentPlan", summary = "Get a payment plan", description = "With its invoices, its down payment and instalments and what is paid of each as of today. The ETag header is the version to send in If-Match when cancelling it.")
    @APIResponse(responseCode = "200", description = "The plan", headers = @Header(name = HttpHeaders.ETAG), content = @Content(schema = @Schema(implementation = PaymentPlanResponse.class)))
    @APIResponse(responseCode = "404", description = "No such plan", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> get(@PathParam("id") UUID id) {
        return queries.get(id).map(PaymentPlanResource::ok);
    }

    @GET
    @Operation(operationId = "listPaymentPlans", summary = "List payment plans, newest first", description = "Filters combine. Cursor pagination: pass nextCursor as cursor for the next page.")
    @APIResponse(responseCode = "200", description = "A page of plans", content = @Content(schema = @Schema(implementation = PlanPage.class)))
    @APIResponse(responseCode = "400", description = "A bad filter, limit or cursor, named", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<PlanPage> list(
            @Parameter(description = "Only this customer's plans", schema = @Schema(type = SchemaType.STRING, format = "uuid")) @QueryParam("customerId") String customerId,
            @Parameter(description = "Only plans in this status", schema = @Schema(implementation = PlanStatus.class)) @QueryParam("status") String status,
            @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor,
            @Parameter(description = "Page size, 1 to 500; default 50", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "500", defaultValue = "50")) @QueryParam("limit") String limit) {
        List<FieldError> errors = new ArrayList<>();
        UUID customer = QueryParameters.uuid("customerId", customerId, errors);
        PlanStatus byStatus = status(status, errors);
        String validCursor = QueryParameters.text("cursor", cursor, errors);
        int size = QueryParameters.limit("limit", limit, 50, 500, errors);
        QueryParameters.rejectIfAny(errors);
        return queries.list(new PaymentPlanRepository.Filter(customer, byStatus), validCursor, size)
                .map(page -> new PlanPage(page.items().stream().map(PaymentPlanResponse::of).toList(),
                        page.nextCursor()));
    }

    @WithTransaction
    @POST
    @Path("{id}/cancel")
    @Operation(operationId = "cancelPaymentPlan", summary = "Cancel an active payment plan", description = "Needs If-Match. The plan ends without being paid or broken; its invoices are due as invoiced again and may enter a new plan. Publishes nothing (no contract type yet); recorded in the audit log.")
    @APIResponse(responseCode = "200", description = "Cancelled", headers = @Header(name = HttpHeaders.ETAG), content = @Content(schema = @Schema(implementation = PaymentPlanResponse.class)))
    @APIResponse(responseCode = "404", description = "No such plan", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The plan is not ACTIVE", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "The plan changed since it was read", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "If-Match is missing", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> cancel(@PathParam("id") UUID id,
            @Parameter(description = "The ETag from GET /payment-plans/{id}, e.g. \"0\"") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        Actor actor = caller.actor();
        return IfMatch.expecting(ifMatch, expected -> changes.cancel(actor, id, expected))
                .map(PaymentPlanResource::ok);
    }

    @POST
    @Path("evaluate")
    @Operation(operationId = "evaluatePaymentPlans", summary = "Evaluate the plans that may be broken today", description = "What the daily run (receivables.payments.plans.evaluation-cron) does, for operators: every active plan with an instalment due more than the grace days ago is evaluated in its own transaction, broken or completed as it stands, as the caller. Safe to repeat and to run on several replicas at once: a plan's transition is published once.")
    @APIResponse(responseCode = "200", description = "What this run found", content = @Content(schema = @Schema(implementation = PlanScheduler.RunReport.class)))
    public Uni<PlanScheduler.RunReport> evaluate() {
        // run by hand, the transitions are the admin's, not the scheduler's
        return scheduler.runDue(caller.actor());
    }

    /** A page of plans; {@code nextCursor} is absent on the last page. */
    public record PlanPage(List<PaymentPlanResponse> items,
            @Schema(nullable = true, description = "null on the last page") String nextCursor) {
    }

    private static Response ok(PlanView view) {
        return Response.ok(PaymentPlanResponse.of(view)).tag(IfMatch.etag(view.plan().version)).build();
    }

    private static PlanStatus status(String value, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return PlanStatus.valueOf(value);
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError("status", "must be one of " + java.util.Arrays.toString(PlanStatus.values())));
            return null;
        }
    }
}
