package io.receivables.disputes.dispute.rest;

import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The optional body of a withdrawal or a reopening: why. */
public record NoteRequest(@Schema(description = "Why; optional") @Size(max = 2000) String note) {
}
