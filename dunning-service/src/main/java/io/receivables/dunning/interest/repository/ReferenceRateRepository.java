package io.receivables.dunning.interest.repository;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.receivables.dunning.interest.RateKind;
import io.receivables.dunning.interest.RateSchedule;
import io.receivables.dunning.interest.ReferenceRate;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class ReferenceRateRepository implements PanacheRepositoryBase<ReferenceRate, ReferenceRate.Key> {

    /** Every row, or those of {@code kind} when it is not null, by kind and date. */
    public Uni<List<ReferenceRate>> list(RateKind kind) {
        return kind == null ? list("order by id.kind, id.validFrom")
                : list("id.kind = ?1 order by id.validFrom", kind);
    }

    /**
     * Holds, until the caller's transaction ends, the right to write the row {@code key}, which may not exist yet: two
     * administrators creating the same rate at once are queued, and the second finds the first's row (428/412, not a
     * duplicate-key 500).
     */
    public Uni<Void> lockKey(ReferenceRate.Key key) {
        return getSession().chain(session -> session
                .createNativeQuery("SELECT 1 FROM pg_advisory_xact_lock(hashtextextended(:key, 0))", Integer.class)
                .setParameter("key", "reference-rate:" + key).getSingleResult())
                .replaceWithVoid();
    }

    /** The series of {@code kind}, for the calculation. */
    public Uni<RateSchedule> schedule(RateKind kind) {
        return list(kind).map(rows -> new RateSchedule(kind, rows.stream().map(ReferenceRate::point).toList()));
    }
}
