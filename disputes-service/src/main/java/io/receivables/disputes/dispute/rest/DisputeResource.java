package io.receivables.disputes.dispute.rest;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
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
import io.receivables.disputes.dispute.DisputeState;
import io.receivables.disputes.dispute.ReasonCode;
import io.receivables.disputes.dispute.repository.DisputeSearch;
import io.receivables.disputes.dispute.service.DisputeOpening;
import io.receivables.disputes.dispute.service.DisputeQueries;
import io.smallrye.mutiny.Uni;

@Path("/disputes")
@Tag(name = "Disputes", description = "Disputes on all or part of an invoice: opening, workflow, owners, resolution")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class DisputeResource {

    static final int MAX_AGE_DAYS = 36_500;
    static final int MAX_LINE = 100_000;

    private final DisputeOpening opening;
    private final DisputeQueries queries;
    private final Idempotency idempotency;
    private final Caller caller;
    private final Clock clock;

    @Inject
    public DisputeResource(DisputeOpening opening, DisputeQueries queries, Idempotency idempotency, Caller caller,
            Clock clock) {
        this.opening = opening;
        this.queries = queries;
        this.idempotency = idempotency;
        this.caller = caller;
        this.clock = clock;
    }

    @WithTransaction
    @POST
    @Operation(operationId = "openDispute", summary = "Open a dispute on all or part of an invoice", description = "Checked against this service's view of the invoice (from invoicing's and payments' events): the invoice must be open, the amount at most what is open on it less its other active disputes, in its currency and minor units; named lines must be the invoice's. Routed to a team (and maybe an owner) by the routing rules. Publishes dispute-opened. A customer (portal) token opens only on its own customer's invoices.")
    @APIResponse(responseCode = "201", description = "Opened", headers = @Header(name = HttpHeaders.ETAG), content = @Content(schema = @Schema(implementation = DisputeResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid request or Idempotency-Key; an amount above what can be disputed, another currency, more decimals than the currency has, lines the invoice does not have, reason CHARGEBACK", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "invoice-not-disputable: the invoice was voided, written off, or is paid (or credited) in full", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "unknown-reference: no such invoice (or another customer's, for a customer token); or Idempotency-Key already used for a different request", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> open(@NotNull(message = "a JSON body is required") @Valid OpenDisputeRequest request,
            @Parameter(name = Idempotency.HEADER, in = ParameterIn.HEADER, description = Idempotency.HEADER_DESCRIPTION) @HeaderParam(Idempotency.HEADER) String idempotencyKey,
            UriInfo uri) {
        Actor actor = caller.actor();
        var scope = caller.customerScope();
        check(request);
        return idempotency.handle(idempotencyKey, "POST /disputes", request, () -> opening
                .open(actor, scope, request.command())
                .map(dispute -> Response.created(uri.getAbsolutePathBuilder().path(dispute.id.toString()).build())
                        .tag(IfMatch.etag(dispute.version)).entity(DisputeResponse.of(dispute)).build()));
    }

    /** What bean validation cannot say: the platform's own reason, lines named twice, a contact to reach. */
    static void check(OpenDisputeRequest request) {
        List<FieldError> errors = new ArrayList<>();
        if (!DisputeOpening.userMayOpen(request.reasonCode())) {
            errors.add(new FieldError("reasonCode", "CHARGEBACK disputes are opened by the platform when a payment is"
                    + " charged back, never through the API"));
        }
        if (request.disputedLines() != null) {
            Set<Integer> seen = new HashSet<>();
            for (int i = 0; i < request.disputedLines().size(); i++) {
                Integer line = request.disputedLines().get(i);
                if (line == null || line < 1 || line > MAX_LINE) {
                    errors.add(new FieldError("disputedLines[" + i + "]", "must be a line number from 1 to " + MAX_LINE));
                } else if (!seen.add(line)) {
                    errors.add(new FieldError("disputedLines[" + i + "]", "names a line an earlier entry names"));
                }
            }
        }
        if (request.contact().email() == null && request.contact().phone() == null) {
            errors.add(new FieldError("contact", "needs an email or a phone (or both)"));
        }
        if (new java.math.BigDecimal(request.disputedAmount()).signum() <= 0) {
            errors.add(new FieldError("disputedAmount", "must be more than zero"));
        }
        QueryParameters.rejectIfAny(errors);
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getDispute", summary = "Get a dispute", description = "The ETag header is the version to send in If-Match when changing it. A customer token sees only its own customer's disputes.")
    @APIResponse(responseCode = "200", description = "The dispute", headers = @Header(name = HttpHeaders.ETAG), content = @Content(schema = @Schema(implementation = DisputeResponse.class)))
    @APIResponse(responseCode = "404", description = "No such dispute", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> get(@PathParam("id") UUID id) {
        return queries.get(id, caller.customerScope())
                .map(dispute -> Response.ok(DisputeResponse.of(dispute)).tag(IfMatch.etag(dispute.version)).build());
    }

    @GET
    @Operation(operationId = "listDisputes", summary = "List disputes, newest opened first", description = "Filters combine. Age: openedBefore, or olderThanDays (opened more than that many days ago), not both. slaBreached=true: a first-response or resolution due time passed unanswered. A customer token lists only its own customer's disputes. Cursor pagination: pass nextCursor as cursor for the next page.")
    @APIResponse(responseCode = "200", description = "A page of disputes", content = @Content(schema = @Schema(implementation = DisputePage.class)))
    @APIResponse(responseCode = "400", description = "A bad filter, limit or cursor, named", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<DisputePage> list(
            @Parameter(description = "Only disputes in this state", schema = @Schema(implementation = DisputeState.class)) @QueryParam("state") String state,
            @Parameter(description = "Only disputes this person owns", schema = @Schema(type = SchemaType.STRING, maxLength = 100)) @QueryParam("owner") String owner,
            @Parameter(description = "Only disputes of this team", schema = @Schema(type = SchemaType.STRING, maxLength = 64)) @QueryParam("team") String team,
            @Parameter(description = "Only this customer's disputes", schema = @Schema(type = SchemaType.STRING, format = "uuid")) @QueryParam("customerId") String customerId,
            @Parameter(description = "Only disputes of this invoice", schema = @Schema(type = SchemaType.STRING, format = "uuid")) @QueryParam("invoiceId") String invoiceId,
            @Parameter(description = "Only disputes with this reason code", schema = @Schema(implementation = ReasonCode.class)) @QueryParam("reasonCode") String reasonCode,
            @Parameter(description = "Only disputes opened before this UTC instant, e.g. 2026-11-23T10:00:00Z", schema = @Schema(type = SchemaType.STRING, format = "date-time")) @QueryParam("openedBefore") String openedBefore,
            @Parameter(description = "Only disputes opened more than this many days ago, 0 to 36500", schema = @Schema(type = SchemaType.INTEGER, minimum = "0", maximum = "36500")) @QueryParam("olderThanDays") String olderThanDays,
            @Parameter(description = "true: only disputes with a breached SLA (first response or resolution); false: only the others", schema = @Schema(type = SchemaType.BOOLEAN)) @QueryParam("slaBreached") String slaBreached,
            @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor,
            @Parameter(description = "Page size, 1 to 500; default 50", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "500", defaultValue = "50")) @QueryParam("limit") String limit) {
        List<FieldError> errors = new ArrayList<>();
        DisputeState byState = choice("state", state, DisputeState.class, errors);
        String byOwner = bounded("owner", owner, 100, errors);
        String byTeam = bounded("team", team, 64, errors);
        UUID customer = QueryParameters.uuid("customerId", customerId, errors);
        UUID invoice = QueryParameters.uuid("invoiceId", invoiceId, errors);
        ReasonCode byReason = choice("reasonCode", reasonCode, ReasonCode.class, errors);
        Instant before = instant("openedBefore", openedBefore, errors);
        Integer days = days("olderThanDays", olderThanDays, errors);
        if (before != null && days != null) {
            errors.add(new FieldError("olderThanDays", "give openedBefore or olderThanDays, not both"));
        } else if (days != null) {
            before = clock.instant().minus(Duration.ofDays(days));
        }
        Boolean breached = slaBreached == null || slaBreached.isBlank() ? null
                : QueryParameters.bool("slaBreached", slaBreached, false, errors);
        String validCursor = QueryParameters.text("cursor", cursor, errors);
        int size = QueryParameters.limit("limit", limit, 50, 500, errors);
        QueryParameters.rejectIfAny(errors);
        return queries.list(new DisputeSearch.Filter(byState, byOwner, byTeam, customer, invoice, byReason, before,
                breached), caller.customerScope(), validCursor, size)
                .map(page -> new DisputePage(page.items().stream().map(DisputeResponse::of).toList(),
                        page.nextCursor()));
    }

    /** A page of disputes; {@code nextCursor} is absent on the last page. */
    public record DisputePage(List<DisputeResponse> items,
            @Schema(nullable = true, description = "null on the last page") String nextCursor) {
    }

    static <E extends Enum<E>> E choice(String name, String value, Class<E> type, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError(name, "must be one of " + Arrays.toString(type.getEnumConstants())));
            return null;
        }
    }

    private static String bounded(String name, String value, int max, List<FieldError> errors) {
        String text = QueryParameters.text(name, value, errors);
        if (text != null && text.length() > max) {
            errors.add(new FieldError(name, "must be at most " + max + " characters"));
            return null;
        }
        return text;
    }

    private static Instant instant(String name, String value, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(name, "'" + value + "' is not a UTC instant such as 2026-11-23T10:00:00Z"));
            return null;
        }
    }

    private static Integer days(String name, String value, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (!value.matches("\\d{1,5}") || Integer.parseInt(value) > MAX_AGE_DAYS) {
            errors.add(new FieldError(name, "must be a whole number of days from 0 to " + MAX_AGE_DAYS));
            return null;
        }
        return Integer.parseInt(value);
    }
}
