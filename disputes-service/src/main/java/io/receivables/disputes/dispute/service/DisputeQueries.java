package io.receivables.disputes.dispute.service;

import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.receivables.common.paging.Page;
import io.receivables.disputes.dispute.Dispute;
import io.receivables.disputes.dispute.repository.DisputeRepository;
import io.receivables.disputes.dispute.repository.DisputeSearch;
import io.smallrye.mutiny.Uni;

/** Reads disputes; a portal caller ({@code scope}) sees only its own customer's, others are "not found". */
@ApplicationScoped
public class DisputeQueries {

    private final DisputeRepository disputes;
    private final DisputeSearch search;

    @Inject
    public DisputeQueries(DisputeRepository disputes, DisputeSearch search) {
        this.disputes = disputes;
        this.search = search;
    }

    @WithSession
    public Uni<Dispute> get(UUID id, Optional<UUID> scope) {
        return disputes.findById(id).map(dispute -> {
            if (dispute == null || scope.filter(own -> !own.equals(dispute.customerId)).isPresent()) {
                throw DisputeChanges.notFound(id);
            }
            return dispute;
        });
    }

    /** A page of the listing; a portal caller's filter is narrowed to its own customer, whatever it asked for. */
    @WithSession
    public Uni<Page<Dispute>> list(DisputeSearch.Filter filter, Optional<UUID> scope, String cursor, int limit) {
        DisputeSearch.Filter scoped = scope.map(own -> new DisputeSearch.Filter(filter.state(), filter.owner(),
                filter.team(), own, filter.invoiceId(), filter.reasonCode(), filter.openedBefore(),
                filter.slaBreached())).orElse(filter);
        if (scope.isPresent() && filter.customerId() != null && !filter.customerId().equals(scope.get())) {
            return Uni.createFrom().item(new Page<>(java.util.List.of(), null));
        }
        return search.page(scoped, cursor, limit);
    }
}
