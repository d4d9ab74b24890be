package io.receivables.common.inbox.deadletter;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
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

import io.receivables.common.inbox.InboxTables;
import io.receivables.common.problem.FieldError;
import io.receivables.common.problem.Problem;
import io.receivables.common.problem.ProblemException;
import io.receivables.common.query.QueryParameters;
import io.smallrye.mutiny.Uni;

/** For ops: the records this service's consumers gave up on, and their replay after a fix. */
@Path("/admin/dead-letters")
@Tag(name = "Admin: consumed events", description = "Parked and dead-lettered events of this service's consumers")
@Produces(MediaType.APPLICATION_JSON)
public class DeadLetterResource {

    private final DeadLetters deadLetters;
    private final DeadLetterReplay replay;
    private final InboxTables tables;

    @Inject
    public DeadLetterResource(DeadLetters deadLetters, DeadLetterReplay replay, InboxTables tables) {
        this.deadLetters = deadLetters;
        this.replay = replay;
        this.tables = tables;
    }

    @GET
    @Operation(operationId = "listDeadLetters", summary = "Dead letters, newest first", description = "Records a consumer gave up on because they can never apply as they are (malformed, schema-invalid, breaking a rule), with the reason. Replayed ones only with includeReplayed=true. At most 200.")
    public Uni<List<DeadLetter>> list(
            @Parameter(description = "true: replayed ones too", schema = @Schema(type = SchemaType.BOOLEAN, defaultValue = "false")) @QueryParam("includeReplayed") String includeReplayedText) {
        // text, not boolean: JAX-RS would read includeReplayed=abc as false instead of refusing it
        List<FieldError> errors = new ArrayList<>();
        boolean includeReplayed = QueryParameters.bool("includeReplayed", includeReplayedText, false, errors);
        QueryParameters.rejectIfAny(errors);
        return tables.ifPresent(() -> deadLetters.list(includeReplayed, 200), List.of());
    }

    @POST
    @Path("/{id}/replay")
    @Operation(operationId = "replayDeadLetter", summary = "Replay a dead letter", description = "Applies the record again through the same checks and handler as a live delivery. Idempotent: an event applies at most once, so a second replay changes nothing (outcome ALREADY_REPLAYED or DUPLICATE).")
    @APIResponse(responseCode = "200", description = "Applied, parked, or nothing to do")
    @APIResponse(responseCode = "404", description = "No such dead letter", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "It still cannot apply: the reason; it stays a dead letter", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<DeadLetterReplay.Outcome> replay(@PathParam("id") UUID id) {
        return tables.present().chain(present -> present ? replay.replay(id)
                : Uni.createFrom().failure(ProblemException.notFound("No dead letter " + id)));
    }
}
