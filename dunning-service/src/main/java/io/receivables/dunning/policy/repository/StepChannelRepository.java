package io.receivables.dunning.policy.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.receivables.dunning.policy.StepChannel;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class StepChannelRepository implements PanacheRepositoryBase<StepChannel, StepChannel.Key> {

    public Uni<List<StepChannel>> ofSteps(List<UUID> stepIds) {
        if (stepIds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return list("stepId in ?1 order by channel", stepIds);
    }
}
