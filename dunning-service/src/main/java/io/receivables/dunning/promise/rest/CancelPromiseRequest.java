package io.receivables.dunning.promise.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of POST /customers/{id}/promises-to-pay/{promiseId}/cancel. */
public record CancelPromiseRequest(
        @Schema(required = true, maxLength = 1000, description = "Why the promise no longer stands") @NotBlank(message = "required: why the promise is cancelled") @Size(max = 1000) String reason) {
}
