package io.receivables.disputes.dispute.service;

import java.time.Instant;

import io.receivables.disputes.dispute.Dispute;
import io.smallrye.mutiny.Uni;

/**
 * Work another part of this service does on a dispute as it is opened (through the API or on a chargeback) or
 * reopened, in that change's transaction: after the dispute's own fields are set and before it is written (an
 * opening's steps run before its insert, so that what they set is not a second write that raises the version), before
 * its activity and its event. The SLA part, for one, stamps the due times that the dispute shows and dispute-opened
 * carries ({@code slaDueAt}). Every bean of this type runs ({@link OpeningSteps}), in no particular order; a failure
 * fails the change, which then writes nothing. The hook keeps the dependency one way: the other parts know disputes,
 * disputes does not know them.
 */
public interface OpeningStep {

    Uni<Void> opened(Dispute dispute);

    /** The dispute was reopened at {@code at}; nothing to do by default. */
    default Uni<Void> reopened(Dispute dispute, Instant at) {
        return Uni.createFrom().voidItem();
    }
}
