package io.receivables.disputes.stats.rest;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.receivables.common.money.Currencies;
import io.receivables.common.problem.FieldError;
import io.receivables.common.problem.Problem;
import io.receivables.common.query.QueryParameters;
import io.receivables.disputes.stats.service.DisputeStatistics;
import io.smallrye.mutiny.Uni;

@Path("/disputes/stats")
@Tag(name = "Dispute statistics", description = "Counts, amounts, times to resolve and shares of disputes over a period")
@Produces(MediaType.APPLICATION_JSON)
public class DisputeStatsResource {

    private final DisputeStatistics statistics;

    @Inject
    public DisputeStatsResource(DisputeStatistics statistics) {
        this.statistics = statistics;
    }

    @GET
    @Operation(operationId = "getDisputeStats", summary = "Dispute figures of a period, by reason code and by state", description = "For the days from 'from' to 'to' (both included, in the business calendar's zone): per currency (totals), per currency and reason code (byReason, the root-cause view) and per currency and current state (byState), the disputes opened in the period (count, disputed amount) and those resolved in it (count, mean and p90 hours to resolve, share resolved within the resolution SLA, share resolved in the customer's favour: CUSTOMER_FAVOUR or PARTIAL). Computed by PostgreSQL; amounts are never added across currencies. A figure with nothing to divide by is null; a period without disputes has empty lists.")
    @APIResponse(responseCode = "200", description = "The figures", content = @Content(schema = @Schema(implementation = DisputeStatsResponse.class)))
    @APIResponse(responseCode = "400", description = "from or to missing or not a date, from after to, or an unknown currency, named", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<DisputeStatsResponse> stats(
            @Parameter(required = true, description = "The first day of the period, e.g. 2026-11-01", schema = @Schema(type = SchemaType.STRING, format = "date")) @QueryParam("from") String from,
            @Parameter(required = true, description = "The last day of the period, included, e.g. 2026-11-30", schema = @Schema(type = SchemaType.STRING, format = "date")) @QueryParam("to") String to,
            @Parameter(description = "Only disputes in this ISO 4217 currency; default: every currency, each in its own groups", schema = @Schema(type = SchemaType.STRING, pattern = "^[A-Z]{3}$")) @QueryParam("currency") String currency) {
        List<FieldError> errors = new ArrayList<>();
        var fromDate = required("from", from, errors);
        var toDate = required("to", to, errors);
        if (fromDate != null && toDate != null && fromDate.isAfter(toDate)) {
            errors.add(new FieldError("from", "must not be after to (" + toDate + ")"));
        }
        String validCurrency = QueryParameters.text("currency", currency, errors);
        if (validCurrency != null && !Currencies.isIssuable(validCurrency)) {
            errors.add(new FieldError("currency", "'" + validCurrency + "' is not an ISO 4217 currency code such as EUR"));
        }
        QueryParameters.rejectIfAny(errors);
        var period = new DisputeStatistics.Period(fromDate, toDate, validCurrency);
        return statistics.of(period).map(stats -> DisputeStatsResponse.of(period, stats));
    }

    private static LocalDate required(String name, String value, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldError(name, "is required, an ISO date such as 2026-11-30"));
            return null;
        }
        return QueryParameters.date(name, value, errors);
    }
}
