package io.receivables.disputes.dispute.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of PUT /disputes/{id}/assignment: the team, and the owner or none (the team's queue). */
public record AssignmentRequest(
        @Schema(required = true, description = "The team that works the dispute, e.g. collections") @NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._ -]*", message = "must be letters, digits, '.', '_', '-' or spaces, starting with a letter or digit") String team,
        @Schema(description = "Who works it (a username); absent or null: unassigned, in the team's queue") @Size(min = 1, max = 100) @Pattern(regexp = "\\S(.*\\S)?", message = "must not start or end with whitespace") String owner) {
}
