package io.receivables.dunning.hold.rest;

import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of POST /customers/{id}/dunning-holds/{holdId}/release. */
public record ReleaseHoldRequest(
        @Schema(nullable = true, maxLength = 500, description = "Why it ends early") @Size(max = 500) String reason) {
}
