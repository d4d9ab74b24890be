package io.receivables.disputes.evidence.service;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.receivables.common.problem.ProblemException;
import io.receivables.disputes.dispute.Dispute;
import io.receivables.disputes.dispute.repository.DisputeRepository;
import io.receivables.disputes.dispute.service.DisputeChanges;
import io.receivables.disputes.evidence.Audience;
import io.smallrye.mutiny.Uni;

/**
 * The dispute a conversation belongs to, as its audience may see it: a dispute that does not exist and another
 * customer's dispute asked for with a customer token are the same 404 {@code not-found}, so that ids cannot be
 * probed. Runs in the caller's session or transaction.
 */
@ApplicationScoped
public class DisputeAccess {

    private final DisputeRepository disputes;

    @Inject
    public DisputeAccess(DisputeRepository disputes) {
        this.disputes = disputes;
    }

    /** The 404 for a dispute that is not there (or not the caller's); the core's endpoints answer the same. */
    public static ProblemException notFound(UUID id) {
        return DisputeChanges.notFound(id);
    }

    /** The dispute, read without a lock. */
    public Uni<Dispute> read(UUID id, Audience audience) {
        return disputes.findById(id).map(dispute -> visible(id, dispute, audience));
    }

    /** The dispute with its row locked until the transaction ends, for a change of the dispute itself. */
    public Uni<Dispute> lock(UUID id, Audience audience) {
        return disputes.lock(id).map(dispute -> visible(id, dispute, audience));
    }

    private static Dispute visible(UUID id, Dispute dispute, Audience audience) {
        if (dispute == null || !audience.maySee(dispute.customerId)) {
            throw notFound(id);
        }
        return dispute;
    }
}
