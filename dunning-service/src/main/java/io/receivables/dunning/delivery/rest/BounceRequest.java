package io.receivables.dunning.delivery.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of {@code POST /messages/{id}/bounce}: why the receiver refused the message after it was sent. */
public record BounceRequest(
        @Schema(required = true, description = "The relay's or provider's reason, e.g. the DSN's diagnostic", examples = "550 5.1.1 mailbox unknown") @NotBlank @Size(max = 1000) String reason) {
}
