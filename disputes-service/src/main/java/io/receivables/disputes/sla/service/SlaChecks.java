package io.receivables.disputes.sla.service;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jboss.logging.Logger;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.receivables.contracts.events.Actor;
import io.receivables.disputes.sla.config.SlaCheckConfig;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * The SLA check: every minute by default ({@code receivables.disputes.sla-checks.cron}), and by hand through
 * {@code POST /disputes/sla-checks}. Each breach is stamped in its own transaction, so one failing dispute stops no
 * other. Safe on every replica at once and again after a restart: {@link SlaBreaches} stamps a breach once.
 */
@ApplicationScoped
public class SlaChecks {

    private static final Logger LOG = Logger.getLogger(SlaChecks.class);
    /**
     * Who breaches an SLA: the clock, so the platform itself, also when an operator runs the check (the run is theirs,
     * the breach is not).
     */
    public static final Actor ACTOR = Actor.system("dispute-sla-checker");

    /** What one run did. */
    @Schema(name = "DisputeSlaCheckReport", description = "What one SLA check did")
    public record RunReport(@Schema(description = "The instant due times were compared with") Instant checkedAt,
            @Schema(description = "Breaches this run stamped and published; ones another run stamped first are not listed") List<SlaBreaches.Breach> breached,
            @Schema(description = "Breaches whose stamping failed; tried again by the next run") List<SlaBreaches.Due> failed) {
    }

    private final SlaBreaches breaches;
    private final SlaCheckConfig config;
    private final Clock clock;

    @Inject
    public SlaChecks(SlaBreaches breaches, SlaCheckConfig config, Clock clock) {
        this.breaches = breaches;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(identity = "dispute-sla-checks", cron = "${receivables.disputes.sla-checks.cron}", timeZone = "UTC", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return run().replaceWithVoid();
    }

    /** Stamps and publishes every breach due by now (at most the batch size; the next run takes the rest). */
    public Uni<RunReport> run() {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        List<SlaBreaches.Breach> breached = new ArrayList<>();
        List<SlaBreaches.Due> failed = new ArrayList<>();
        return Panache.withSession(() -> breaches.due(now, config.batchSize()))
                .chain(due -> Multi.createFrom().iterable(due)
                        .onItem().transformToUniAndConcatenate(one -> Panache
                                .withTransaction(() -> breaches.stamp(ACTOR, one.disputeId(), one.kind(), now))
                                .onFailure().recoverWithItem(failure -> {
                                    LOG.errorf(failure, "The %s SLA breach of dispute %s could not be stamped; the"
                                            + " next run tries again", one.kind(), one.disputeId());
                                    failed.add(one);
                                    return Optional.empty();
                                })
                                .invoke(made -> made.ifPresent(breached::add)))
                        .collect().asList()
                        .map(all -> new RunReport(now, List.copyOf(breached), List.copyOf(failed))))
                .invoke(report -> {
                    if (!report.breached().isEmpty() || !report.failed().isEmpty()) {
                        LOG.infof("Dispute SLA check at %s: %d breaches published, %d failed", report.checkedAt(),
                                report.breached().size(), report.failed().size());
                    }
                });
    }
}
