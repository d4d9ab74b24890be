package io.receivables.dunning.run.rest;

import java.time.LocalDate;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The optional body of {@code POST /dunning-runs}. */
@Schema(name = "DunningRunRequest")
public record RunRequest(
        @Schema(description = "The day the run reminds for; default today (UTC). Not after today unless receivables.dunning.run.allow-future-as-of", examples = "2026-12-03") LocalDate asOf) {
}
