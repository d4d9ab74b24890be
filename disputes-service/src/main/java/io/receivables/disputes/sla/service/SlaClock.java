package io.receivables.disputes.sla.service;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.receivables.disputes.dispute.Dispute;
import io.receivables.disputes.dispute.service.OpeningStep;
import io.smallrye.mutiny.Uni;

/**
 * Starts a dispute's SLA clock as it is opened: both due times from its opening, so that the dispute shows them and
 * dispute-opened carries the resolution's ({@code slaDueAt}). A reopening restarts the resolution's clock only (the
 * customer was answered); its breach stamps stay, so each kind is published at most once in a dispute's life.
 */
@ApplicationScoped
public class SlaClock implements OpeningStep {

    private final DisputeSlas slas;

    @Inject
    public SlaClock(DisputeSlas slas) {
        this.slas = slas;
    }

    @Override
    public Uni<Void> opened(Dispute dispute) {
        SlaDueTimes due = slas.dueTimes(dispute.reasonCode, dispute.openedAt, dispute.evidenceDueAt);
        dispute.firstResponseDueAt = due.firstResponseDueAt();
        dispute.resolutionDueAt = due.resolutionDueAt();
        return Uni.createFrom().voidItem();
    }

    @Override
    public Uni<Void> reopened(Dispute dispute, Instant at) {
        dispute.resolutionDueAt = slas.dueTimes(dispute.reasonCode, at, dispute.evidenceDueAt).resolutionDueAt();
        return Uni.createFrom().voidItem();
    }
}
