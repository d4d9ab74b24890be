package io.receivables.disputes.dispute.service;

import java.time.Instant;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import io.receivables.disputes.dispute.Dispute;
import io.smallrye.mutiny.Uni;

/** Runs every {@link OpeningStep}, one after the other, in the caller's transaction. */
@ApplicationScoped
public class OpeningSteps {

    private final Instance<OpeningStep> steps;

    @Inject
    public OpeningSteps(@Any Instance<OpeningStep> steps) {
        this.steps = steps;
    }

    public Uni<Void> opened(Dispute dispute) {
        return each(step -> step.opened(dispute));
    }

    public Uni<Void> reopened(Dispute dispute, Instant at) {
        return each(step -> step.reopened(dispute, at));
    }

    private Uni<Void> each(Function<OpeningStep, Uni<Void>> work) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (OpeningStep step : steps) {
            chain = chain.chain(() -> work.apply(step));
        }
        return chain;
    }
}
