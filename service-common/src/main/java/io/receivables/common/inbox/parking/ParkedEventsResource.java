package io.receivables.common.inbox.parking;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.receivables.common.inbox.InboxTables;
import io.smallrye.mutiny.Uni;

/** For ops: which events wait for something they refer to, and since when. */
@Path("/admin/parked-events")
@Tag(name = "Admin: consumed events", description = "Parked and dead-lettered events of this service's consumers")
@Produces(MediaType.APPLICATION_JSON)
public class ParkedEventsResource {

    /** The total, and the oldest references with their number of waiting events. */
    public record ParkedSummary(long count, List<ParkedEvents.Waiting> references) {
    }

    private final ParkedEvents parked;
    private final InboxTables tables;

    @Inject
    public ParkedEventsResource(ParkedEvents parked, InboxTables tables) {
        this.parked = parked;
        this.tables = tables;
    }

    @GET
    @Operation(operationId = "listParkedEvents", summary = "Events waiting for what they refer to", description = "Events that arrived before the thing they refer to (e.g. a payment before its invoice) are parked and applied when it arrives. Lists the number parked and the 100 oldest references waited for.")
    public Uni<ParkedSummary> list() {
        return tables.ifPresent(
                () -> parked.count().chain(count -> parked.waiting(100).map(refs -> new ParkedSummary(count, refs))),
                new ParkedSummary(0, List.of()));
    }
}
