package io.receivables.disputes.evidence.rest;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
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

import io.receivables.common.problem.FieldError;
import io.receivables.common.problem.Problem;
import io.receivables.common.query.QueryParameters;
import io.receivables.common.security.Caller;
import io.receivables.disputes.evidence.Audience;
import io.receivables.disputes.evidence.Position;
import io.receivables.disputes.evidence.service.Timeline;
import io.smallrye.mutiny.Uni;

@Path("/disputes/{id}/timeline")
@Tag(name = "Dispute conversation", description = "Comments, attachments and the timeline of a dispute")
@Produces(MediaType.APPLICATION_JSON)
public class DisputeTimelineResource {

    private final Timeline timeline;
    private final Caller caller;

    @Inject
    public DisputeTimelineResource(Timeline timeline, Caller caller) {
        this.timeline = timeline;
        this.caller = caller;
    }

    @GET
    @Operation(operationId = "getDisputeTimeline", summary = "A dispute's timeline, oldest first", description = "Everything that happened to the dispute in time order, one shape with a kind: its opening, changes of state, assignments, resolution, withdrawal, reopenings and SLA breaches (who and when), its comments and its attachments (metadata). A customer's token sees, of its own customer's disputes, the opening, changes of state, resolution, withdrawal and reopenings without who did them (and without notes but a resolution's or withdrawal's), and the CUSTOMER comments and attachments; no assignments, owners, teams or SLA breaches. Cursor pagination: pass nextCursor as cursor for the next page.")
    @APIResponse(responseCode = "200", description = "A page of the timeline", content = @Content(schema = @Schema(implementation = TimelinePage.class)))
    @APIResponse(responseCode = "400", description = "A bad limit or cursor, named", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "not-found: no such dispute, or another customer's", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<TimelinePage> get(@PathParam("id") UUID id,
            @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor,
            @Parameter(description = "Page size, 1 to 500; default 100", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "500", defaultValue = "100")) @QueryParam("limit") String limit) {
        List<FieldError> errors = new ArrayList<>();
        int size = QueryParameters.limit("limit", limit, 100, 500, errors);
        QueryParameters.rejectIfAny(errors);
        Position after = Position.decode(QueryParameters.text("cursor", cursor, errors));
        QueryParameters.rejectIfAny(errors);
        Audience audience = Audiences.of(caller);
        return timeline.page(audience, id, after, size).map(page -> new TimelinePage(
                page.items().stream().map(entry -> TimelineEntryResponse.of(entry, audience)).toList(),
                page.nextCursor()));
    }

    /** A page of the timeline; {@code nextCursor} is absent on the last page. */
    @Schema(name = "DisputeTimelinePage")
    public record TimelinePage(List<TimelineEntryResponse> items,
            @Schema(nullable = true, description = "null on the last page") String nextCursor) {
    }
}
