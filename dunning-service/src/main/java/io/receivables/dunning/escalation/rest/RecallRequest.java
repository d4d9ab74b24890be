package io.receivables.dunning.escalation.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of POST /escalations/{id}/recall. */
public record RecallRequest(
        @Schema(required = true, maxLength = 1000, description = "Why the escalation is taken back") @NotBlank(message = "required: why the escalation is recalled") @Size(max = 1000) String reason) {
}
