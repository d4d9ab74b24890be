package io.receivables.disputes.dispute;

import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import io.receivables.disputes.dispute.service.OpeningStep;
import io.smallrye.mutiny.Uni;

/** Remembers the disputes the opening handed to the other parts' steps; changes nothing. */
@ApplicationScoped
public class RecordingOpeningStep implements OpeningStep {

    private final Set<UUID> seen = ConcurrentHashMap.newKeySet();

    @Override
    public Uni<Void> opened(Dispute dispute) {
        seen.add(dispute.id);
        return Uni.createFrom().voidItem();
    }

    public boolean saw(String disputeId) {
        return seen.contains(UUID.fromString(disputeId));
    }
}
