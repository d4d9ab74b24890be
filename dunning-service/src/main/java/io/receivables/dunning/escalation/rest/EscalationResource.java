package io.receivables.dunning.escalation.rest;

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
import jakarta.ws.rs.core.Context;
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

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.receivables.common.concurrency.IfMatch;
import io.receivables.common.problem.FieldError;
import io.receivables.common.problem.Problem;
import io.receivables.common.query.QueryParameters;
import io.receivables.common.security.Caller;
import io.receivables.contracts.events.Actor;
import io.receivables.dunning.escalation.EscalationStatus;
import io.receivables.dunning.escalation.service.EscalationExport;
import io.receivables.dunning.escalation.service.EscalationView;
import io.receivables.dunning.escalation.service.Escalations;
import io.smallrye.mutiny.Uni;

@Path("/escalations")
@Tag(name = "Escalations", description = "Invoices dunning handed to an agency or to legal, their export, and their recall")
@Produces(MediaType.APPLICATION_JSON)
public class EscalationResource {

    static final String TEXT_CSV = "text/csv";

    private final Escalations escalations;
    private final EscalationExport export;
    private final Caller caller;

    @Inject
    public EscalationResource(Escalations escalations, EscalationExport export, Caller caller) {
        this.escalations = escalations;
        this.export = export;
        this.caller = caller;
    }

    /** A page of escalations; {@code nextCursor} is absent on the last page. */
    public record EscalationPage(List<EscalationResponse> items,
            @Schema(nullable = true, description = "null on the last page") String nextCursor) {
    }

    @GET
    @Operation(operationId = "listEscalations", summary = "Escalations, newest first", description = "Optionally of one customer and in one status. Cursor pagination: pass nextCursor as cursor for the next page.")
    @APIResponse(responseCode = "200", description = "A page of escalations", content = @Content(schema = @Schema(implementation = EscalationPage.class)))
    @APIResponse(responseCode = "400", description = "A bad customerId, status, limit or cursor, named", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<EscalationPage> list(
            @Parameter(description = "Only this customer's", schema = @Schema(type = SchemaType.STRING, format = "uuid")) @QueryParam("customerId") String customerId,
            @Parameter(description = "ACTIVE or RECALLED", schema = @Schema(implementation = EscalationStatus.class)) @QueryParam("status") String status,
            @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor,
            @Parameter(description = "Page size, 1 to 100; default 50", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100", defaultValue = "50")) @QueryParam("limit") String limit) {
        List<FieldError> errors = new ArrayList<>();
        UUID customer = QueryParameters.uuid("customerId", customerId, errors);
        EscalationStatus inStatus = status(status, errors);
        String validCursor = QueryParameters.text("cursor", cursor, errors);
        int size = QueryParameters.limit("limit", limit, 50, 100, errors);
        QueryParameters.rejectIfAny(errors);
        return escalations.list(customer, inStatus, validCursor, size).map(page -> new EscalationPage(
                page.items().stream().map(EscalationResponse::of).toList(), page.nextCursor()));
    }

    @GET
    @Path("{id}")
    @Produces({ MediaType.APPLICATION_JSON, TEXT_CSV })
    @Operation(operationId = "getEscalation", summary = "One escalation, as JSON or as the agency's CSV", description = "JSON by default (the ETag is the version to send in If-Match). With Accept: text/csv, the export for the agency (RFC 4180: a header row, then one row per invoice; every field quoted, CRLF line ends): the customer's name, billing address and contacts as dunning knows them, the invoice's number, issue and due date, days overdue as of today (UTC), currency and the amount escalated.")
    @APIResponse(responseCode = "200", description = "The escalation", headers = @Header(name = HttpHeaders.ETAG), content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EscalationResponse.class)),
            @Content(mediaType = TEXT_CSV, schema = @Schema(type = SchemaType.STRING, description = "RFC 4180 CSV with a header row")) })
    @APIResponse(responseCode = "404", description = "No such escalation", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> get(@PathParam("id") UUID id, @Context HttpHeaders headers) {
        if (wantsCsv(headers.getAcceptableMediaTypes())) {
            return export.csv(id).map(csv -> Response.ok(csv, TEXT_CSV + "; charset=UTF-8; header=present")
                    .header("Content-Disposition", "attachment; filename=\"escalation-" + id + ".csv\"").build());
        }
        return escalations.get(id).map(EscalationResource::ok);
    }

    @WithTransaction
    @POST
    @Path("{id}/recall")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "recallEscalation", summary = "Recall an escalation", description = "Needs If-Match. The escalation becomes RECALLED and escalation-recalled is published; its invoices are free for the next run again. Audited.")
    @APIResponse(responseCode = "200", description = "Recalled", headers = @Header(name = HttpHeaders.ETAG), content = @Content(schema = @Schema(implementation = EscalationResponse.class)))
    @APIResponse(responseCode = "400", description = "No reason", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such escalation", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Recalled already", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "The escalation changed since it was read", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "If-Match is missing", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> recall(@PathParam("id") UUID id,
            @Parameter(description = "The ETag from GET, e.g. \"1\"") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull(message = "a JSON body is required") @Valid RecallRequest request) {
        Actor actor = caller.actor();
        return IfMatch.expecting(ifMatch, expected -> escalations.recall(actor, id, expected, request.reason()))
                .map(EscalationResource::ok);
    }

    /** CSV when the client prefers it: text/csv comes before any JSON or wildcard type it accepts. */
    static boolean wantsCsv(List<MediaType> acceptable) {
        for (MediaType type : acceptable) {
            if (type.getType().equalsIgnoreCase("text") && type.getSubtype().equalsIgnoreCase("csv")) {
                return true;
            }
            if (type.isWildcardType() || type.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
                return false;
            }
        }
        return false;
    }

    private static EscalationStatus status(String value, List<FieldError> errors) {
        if (value == null) {
            return null;
        }
        try {
            return EscalationStatus.valueOf(value);
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError("status", "must be ACTIVE or RECALLED"));
            return null;
        }
    }

    private static Response ok(EscalationView view) {
        return Response.ok(EscalationResponse.of(view), MediaType.APPLICATION_JSON_TYPE)
                .tag(IfMatch.etag(view.escalation().version)).build();
    }
}
