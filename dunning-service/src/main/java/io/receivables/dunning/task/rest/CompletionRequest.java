package io.receivables.dunning.task.rest;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.receivables.dunning.task.CallOutcome;

/** The body of {@code POST /tasks/{id}/completion}. */
public record CompletionRequest(@Schema(required = true) @NotNull CallOutcome outcome,
        @Schema(nullable = true, description = "What was said, up to 2000 characters") @Size(max = 2000) String note) {
}
