package io.receivables.disputes.dispute.rest;

import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.receivables.disputes.dispute.DisputeState;

/** The body of POST /disputes/{id}/transitions: the workflow state to move to. */
public record TransitionRequest(
        @Schema(required = true, description = "UNDER_REVIEW, AWAITING_CUSTOMER or AWAITING_INTERNAL; a dispute is resolved, withdrawn and reopened through its own operations") @NotNull DisputeState to) {
}
