package io.receivables.common.inbox;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/** The record of applied events, so that a redelivered event changes nothing. */
@ApplicationScoped
public class Inbox {

    private static final String RECORD = """
            INSERT INTO inbox (event_id, type, source, subject, event_time, applied_at)
            VALUES (:id, :type, :source, :subject, :time, :appliedAt)
            ON CONFLICT (event_id) DO NOTHING""";

    private final Clock clock;

    @Inject
    public Inbox(Clock clock) {
        this.clock = clock;
    }

    /**
     * Records the event in the caller's transaction. True on its first delivery; false when it was applied before (a
     * concurrent delivery of the same event waits on the primary key and then sees false).
     */
    public Uni<Boolean> recordFirstDelivery(InboundEvent event) {
        return Panache.getSession().chain(session -> session.createNativeQuery(RECORD)
                .setParameter("id", event.id())
                .setParameter("type", event.type())
                .setParameter("source", event.source())
                .setParameter("subject", event.subject())
                .setParameter("time", event.time() == null ? null : event.time().atOffset(ZoneOffset.UTC))
                .setParameter("appliedAt", OffsetDateTime.now(clock))
                .executeUpdate())
                .map(inserted -> inserted == 1);
    }
}
