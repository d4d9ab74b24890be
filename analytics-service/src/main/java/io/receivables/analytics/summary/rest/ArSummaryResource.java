package io.receivables.analytics.summary.rest;

import java.time.Clock;
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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.receivables.analytics.openitem.repository.OpenItemRepository;
import io.receivables.common.money.Currencies;
import io.receivables.common.problem.FieldError;
import io.receivables.common.problem.Problem;
import io.receivables.common.query.QueryParameters;
import io.smallrye.mutiny.Uni;

@Path("/ar/summary")
@Tag(name = "AR summary", description = "Open receivables, now or as of a date")
@Produces(MediaType.APPLICATION_JSON)
public class ArSummaryResource {

    private final OpenItemRepository openItems;
    private final Clock clock;

    @Inject
    public ArSummaryResource(OpenItemRepository openItems, Clock clock) {
        this.openItems = openItems;
        this.clock = clock;
    }

    @GET
    @Operation(operationId = "getArSummary", summary = "Open AR per currency", description = "Count and amount of open invoices, one entry per currency; amounts are decimal strings in the currency's minor units."
            + " With asOf, as the invoices stood on that date by their business dates: from the issue date, lowered by"
            + " credit notes from their issue date and payments from their value date, until the date of a void or"
            + " write-off (whenever it was entered).")
    @APIResponse(responseCode = "200", description = "Open AR per currency", content = @Content(schema = @Schema(implementation = ArSummary.class)))
    @APIResponse(responseCode = "400", description = "asOf is not a date (named)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<ArSummary> summary(
            @Parameter(description = "The business date to answer as of, e.g. 2026-11-30; default now", schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, format = "date")) @QueryParam("asOf") String asOf) {
        List<FieldError> errors = new ArrayList<>();
        LocalDate date = QueryParameters.date("asOf", asOf, errors);
        QueryParameters.rejectIfAny(errors);
        Uni<List<OpenItemRepository.CurrencyTotal>> totals = date == null ? openItems.totalsByCurrency()
                : openItems.totalsByCurrency(date);
        return totals.map(list -> new ArSummary(clock.instant(), list.stream()
                .map(t -> new ArSummary.CurrencyOpenAr(t.currency(), t.count(),
                        Currencies.format(t.amount(), t.currency())))
                .toList(), date != null ? date : LocalDate.now(clock)));
    }
}
