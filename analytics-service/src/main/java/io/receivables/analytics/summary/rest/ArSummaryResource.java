package io.receivables.analytics.summary.rest;

import java.time.Clock;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.receivables.analytics.openitem.repository.OpenItemRepository;
import io.receivables.common.money.Currencies;
import io.smallrye.mutiny.Uni;

@Path("/ar/summary")
@Tag(name = "AR summary", description = "Open receivables as they are now")
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
    @Operation(operationId = "getArSummary", summary = "Open AR per currency", description = "Count and amount of open invoices, one entry per currency; amounts are decimal strings in the currency's minor units.")
    public Uni<ArSummary> summary() {
        return openItems.totalsByCurrency()
                .map(totals -> new ArSummary(clock.instant(), totals.stream()
                        .map(t -> new ArSummary.CurrencyOpenAr(t.currency(), t.count(),
                                Currencies.format(t.amount(), t.currency())))
                        .toList()));
    }
}
