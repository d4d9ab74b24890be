package io.receivables.contracts.events;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * dispute-updated: a dispute moved to another state of its workflow ({@link Change#STATE}) or to another team or owner
 * ({@link Change#ASSIGNMENT}). Its resolution, withdrawal and reopening are dispute-resolved and dispute-reopened, not
 * this. {@code previousState}, {@code previousTeam}, {@code owner} and {@code previousOwner} are optional (null: none, or
 * unassigned).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DisputeUpdated(
        UUID disputeId,
        UUID customerId,
        UUID invoiceId,
        Change change,
        State state,
        State previousState,
        String team,
        String previousTeam,
        String owner,
        String previousOwner,
        Instant updatedAt,
        Actor actor) implements ReceivablesEvent {

    /** What changed. */
    @Schema(name = "DisputeUpdateChange")
    public enum Change {
        STATE,
        ASSIGNMENT
    }

    /** The dispute's workflow state (the active ones: an ended dispute is dispute-resolved). */
    @Schema(name = "DisputeUpdateState")
    public enum State {
        OPEN,
        UNDER_REVIEW,
        AWAITING_CUSTOMER,
        AWAITING_INTERNAL
    }

    public DisputeUpdated {
        requireNonNull(disputeId, "disputeId");
        requireNonNull(customerId, "customerId");
        requireNonNull(invoiceId, "invoiceId");
        requireNonNull(change, "change");
        requireNonNull(state, "state");
        requireNonNull(team, "team");
        requireNonNull(updatedAt, "updatedAt");
    }

    @Override
    public UUID subjectId() {
        return disputeId;
    }
}
