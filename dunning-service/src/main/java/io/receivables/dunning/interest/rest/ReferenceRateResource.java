package io.receivables.dunning.interest.rest;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.receivables.common.concurrency.ExpectedVersion;
import io.receivables.common.concurrency.IfMatch;
import io.receivables.common.money.DecimalStrings;
import io.receivables.common.problem.FieldError;
import io.receivables.common.problem.Problem;
import io.receivables.common.query.QueryParameters;
import io.receivables.common.security.Caller;
import io.receivables.dunning.interest.RateKind;
import io.receivables.dunning.interest.service.ReferenceRates;
import io.receivables.dunning.interest.service.ReferenceRates.SetReferenceRate;
import io.smallrye.mutiny.Uni;

@Path("/interest/reference-rates")
@Tag(name = "Statutory interest", description = "Reference rates, jurisdictions and quotes of late-payment charges")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ReferenceRateResource {

    private final ReferenceRates rates;
    private final Caller caller;

    @Inject
    public ReferenceRateResource(ReferenceRates rates, Caller caller) {
        this.rates = rates;
        this.caller = caller;
    }

    @WithSession
    @GET
    @Operation(operationId = "listReferenceRates", summary = "Reference rates", description = "Every recorded rate of a kind (or of all kinds), oldest first. ECB_MRO: the ECB main refinancing operations rate at each change; DE_BASISZINSSATZ: the German base rate per half-year.")
    @APIResponse(responseCode = "200", description = "The rates", content = @Content(schema = @Schema(implementation = ReferenceRateList.class)))
    public Uni<ReferenceRateList> list(
            @Parameter(description = "Only this kind", schema = @Schema(implementation = RateKind.class)) @QueryParam("kind") String kind) {
        List<FieldError> errors = new ArrayList<>();
        RateKind validKind = kind == null ? null : kind(kind, "kind", errors);
        QueryParameters.rejectIfAny(errors);
        return rates.list(validKind)
                .map(rows -> new ReferenceRateList(rows.stream().map(ReferenceRateResponse::of).toList()));
    }

    @WithSession
    @GET
    @Path("{kind}/{validFrom}")
    @Operation(operationId = "getReferenceRate", summary = "A reference rate", description = "The ETag is the version to send in If-Match when replacing it.")
    @APIResponse(responseCode = "200", description = "The rate", content = @Content(schema = @Schema(implementation = ReferenceRateResponse.class)))
    @APIResponse(responseCode = "400", description = "kind or validFrom is invalid", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No rate of that kind from that date", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> get(
            @Parameter(schema = @Schema(implementation = RateKind.class)) @PathParam("kind") String kind,
            @Parameter(schema = @Schema(type = SchemaType.STRING, format = "date")) @PathParam("validFrom") String validFrom) {
        List<FieldError> errors = new ArrayList<>();
        RateKind validKind = kind(kind, "kind", errors);
        LocalDate from = QueryParameters.date("validFrom", validFrom, errors);
        QueryParameters.rejectIfAny(errors);
        return rates.get(validKind, from).map(rate -> Response.ok(ReferenceRateResponse.of(rate))
                .tag(IfMatch.etag(rate.version)).build());
    }

    @WithTransaction
    @PUT
    @Path("{kind}/{validFrom}")
    @Operation(operationId = "setReferenceRate", summary = "Record or correct a reference rate", description = "Creates the rate of kind from validFrom (201; no If-Match), or replaces it (200; If-Match with its ETag). DE_BASISZINSSATZ is set per half-year: validFrom is 1 January or 1 July. Quotes use it at once. Audited.")
    @APIResponse(responseCode = "200", description = "Replaced", content = @Content(schema = @Schema(implementation = ReferenceRateResponse.class)))
    @APIResponse(responseCode = "201", description = "Created", content = @Content(schema = @Schema(implementation = ReferenceRateResponse.class)))
    @APIResponse(responseCode = "412", description = "The rate changed since it was read, or If-Match was sent for a rate that does not exist", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "The rate exists and If-Match is missing", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> set(
            @Parameter(schema = @Schema(implementation = RateKind.class)) @PathParam("kind") String kind,
            @Parameter(schema = @Schema(type = SchemaType.STRING, format = "date")) @PathParam("validFrom") String validFrom,
            @Parameter(name = HttpHeaders.IF_MATCH, description = "The ETag read; required when the rate exists, absent to create it") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull(message = "a JSON body is required") @Valid ReferenceRateRequest request) {
        List<FieldError> errors = new ArrayList<>();
        RateKind validKind = kind(kind, "kind", errors);
        LocalDate from = QueryParameters.date("validFrom", validFrom, errors);
        QueryParameters.rejectIfAny(errors);
        // If-Match is optional here (a new rate has no ETag yet): parse it only when sent; malformed is 400
        ExpectedVersion expected = ifMatch == null ? null : IfMatch.expectedVersion(ifMatch);
        SetReferenceRate command = new SetReferenceRate(validKind, from, DecimalStrings.parse(request.ratePercent()),
                request.source().strip());
        return rates.set(caller.actor(), command, expected)
                .map(written -> Response.status(written.created() ? Response.Status.CREATED : Response.Status.OK)
                        .entity(ReferenceRateResponse.of(written.rate())).tag(IfMatch.etag(written.rate().version))
                        .build());
    }

    private static RateKind kind(String value, String field, List<FieldError> errors) {
        try {
            return RateKind.valueOf(value);
        } catch (IllegalArgumentException | NullPointerException e) {
            errors.add(new FieldError(field, "must be one of " + Arrays.toString(RateKind.values())));
            return null;
        }
    }

}
