package io.receivables.dunning.task.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of {@code POST /tasks/{id}/assignment}. */
public record AssignmentRequest(
        @Schema(required = true, description = "The collector's username", examples = "c.meyer") @NotBlank @Size(max = 100) String assignee) {
}
