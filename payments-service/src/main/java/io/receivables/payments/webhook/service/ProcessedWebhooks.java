package io.receivables.payments.webhook.service;

import java.time.Clock;
import java.time.ZoneOffset;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * The deliveries of each webhook provider applied so far ({@code processed_webhook}), by the provider's own delivery or
 * event id. A delivery is claimed in the transaction of its effect: a redelivery finds the claim and changes nothing,
 * a concurrent one waits for the first to commit (primary key), and an effect that fails rolls the claim back, so the
 * provider's retry tries it again. Runs in the caller's transaction.
 */
@ApplicationScoped
public class ProcessedWebhooks {

    /** The longest delivery id the table holds. */
    public static final int MAX_ID_LENGTH = 255;

    private final Clock clock;

    @Inject
    public ProcessedWebhooks(Clock clock) {
        this.clock = clock;
    }

    /** True when this transaction claimed the delivery; false when it was processed before. */
    public Uni<Boolean> claim(String provider, String id, String type) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                "INSERT INTO processed_webhook (provider, event_id, event_type, outcome, processed_at)"
                        + " VALUES (:provider, :id, :type, '', :at) ON CONFLICT DO NOTHING")
                .setParameter("provider", provider).setParameter("id", id).setParameter("type", cut(type, 64))
                .setParameter("at", clock.instant().atOffset(ZoneOffset.UTC)).executeUpdate())
                .map(rows -> rows == 1);
    }

    /** Keeps what the claimed delivery did, to answer its redeliveries. */
    public Uni<Void> remember(String provider, String id, String outcome) {
        return Panache.getSession().chain(session -> session
                .createNativeQuery("UPDATE processed_webhook SET outcome = :outcome WHERE provider = :provider"
                        + " AND event_id = :id")
                .setParameter("outcome", cut(outcome, 500)).setParameter("provider", provider)
                .setParameter("id", id).executeUpdate())
                .replaceWithVoid();
    }

    /** What the delivery did when it was processed. */
    public Uni<String> previous(String provider, String id) {
        return Panache.getSession().chain(session -> session
                .createNativeQuery("SELECT outcome FROM processed_webhook WHERE provider = :provider AND event_id = :id",
                        String.class)
                .setParameter("provider", provider).setParameter("id", id).getSingleResult());
    }

    static String cut(String text, int max) {
        return text == null ? "" : text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
