package io.receivables.dunning.run.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.receivables.dunning.run.DunningRun;
import io.receivables.dunning.run.RunStatus;
import io.receivables.dunning.run.RunTrigger;
import io.receivables.dunning.run.service.DunningRuns.RunView;

@Schema(name = "DunningRun")
public record RunResponse(UUID id, LocalDate asOf, RunTrigger trigger, RunStatus status,
        @Schema(nullable = true, description = "Why a FAILED run sent nothing") String failureReason,
        @Schema(description = "The actor who started it (system:dunning-scheduler for the daily run)") String createdBy,
        Instant createdAt,
        @Schema(nullable = true, description = "When it stopped waiting for the consumers and snapshotted its customers") Instant startedAt,
        @Schema(nullable = true) Instant finishedAt, Counts counts) {

    @Schema(name = "DunningRunCounts")
    public record Counts(@Schema(description = "Candidate customers snapshotted when it started") long customers,
            @Schema(description = "Customers processed") long done,
            @Schema(description = "Messages written (one per customer, channel and currency)") long messages,
            @Schema(description = "(invoice, step) pairs actioned") long actions,
            @Schema(description = "What was left out, by reason: DO_NOT_DUN, ACCOUNT_HELD, INVOICE_HELD, NO_POLICY, NO_EMAIL, NO_PHONE, NO_NAME") Map<String, Long> skipped) {
    }

    public static RunResponse of(RunView view) {
        DunningRun run = view.run();
        Map<String, Long> skipped = new TreeMap<>();
        view.counts().skipped().forEach((reason, count) -> skipped.put(reason.name(), count));
        return new RunResponse(run.id, run.asOf, run.trigger, run.status, run.failureReason, run.createdBy,
                run.createdAt, run.startedAt, run.finishedAt, new Counts(view.counts().customers(),
                        view.counts().done(), view.counts().messages(), view.counts().actions(), skipped));
    }
}
