package io.receivables.common.audit;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.receivables.common.paging.Cursors;
import io.receivables.common.paging.Page;
import io.receivables.contracts.events.Actor;
import io.smallrye.mutiny.Uni;

/**
 * The audit log: appends who changed what, in the caller's transaction, so that a change and its audit row commit or
 * roll back together; and lists it. There is deliberately no way to change or delete an entry (and the table's trigger
 * refuses both). Changes that publish an event are recorded by {@code OutboxWriter}; call {@link #record} for a change
 * without an event.
 */
@ApplicationScoped
public class AuditLog {

    private final AuditEntryRepository entries;
    private final Clock clock;

    @Inject
    public AuditLog(AuditEntryRepository entries, Clock clock) {
        this.entries = entries;
        this.clock = clock;
    }

    /**
     * Appends an entry in the caller's transaction, dated now by the injected clock.
     *
     * @param operation the operationId of the REST operation, or the type of the event the change published or applied
     * @param entityType e.g. {@code invoice}
     */
    public Uni<Void> record(Actor actor, String operation, String entityType, Object entityId, AuditSummary summary) {
        Objects.requireNonNull(actor, "every state change has an actor");
        AuditEntry entry = new AuditEntry();
        entry.id = UUID.randomUUID();
        entry.occurredAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
        entry.actorKind = actor.kind().name();
        entry.actorId = actor.id();
        entry.actorUsername = actor.username();
        entry.actorClientId = actor.clientId();
        entry.operation = operation;
        entry.entityType = entityType;
        entry.entityId = entityId.toString();
        entry.summary = summary.toJson();
        return entries.persist(entry).replaceWithVoid();
    }

    /** A page of entries, newest first, that match every filter of {@code query}. */
    public Uni<Page<AuditRecord>> page(AuditQuery query) {
        StringBuilder where = new StringBuilder("from AuditEntry e where 1 = 1");
        Map<String, Object> parameters = new HashMap<>();
        if (query.entityId() != null) {
            where.append(" and e.entityId = :entityId");
            parameters.put("entityId", query.entityId());
        }
        if (query.entityType() != null) {
            where.append(" and e.entityType = :entityType");
            parameters.put("entityType", query.entityType());
        }
        if (query.actor() != null) {
            // a person looks for a username, a script for the token's subject or the client id
            where.append(" and (e.actorId = :actor or e.actorUsername = :actor or e.actorClientId = :actor)");
            parameters.put("actor", query.actor());
        }
        if (query.from() != null) {
            where.append(" and e.occurredAt >= :from");
            parameters.put("from", query.from());
        }
        if (query.to() != null) {
            where.append(" and e.occurredAt < :to");
            parameters.put("to", query.to());
        }
        if (query.after() != null) {
            where.append(" and (e.occurredAt < :afterAt or (e.occurredAt = :afterAt and e.id < :afterId))");
            parameters.put("afterAt", query.after().occurredAt());
            parameters.put("afterId", query.after().id());
        }
        where.append(" order by e.occurredAt desc, e.id desc");
        return Panache.withSession(() -> entries.find(where.toString(), parameters).range(0, query.limit()).list())
                .map(rows -> Cursors.page(rows.stream().map(AuditRecord::of).toList(), query.limit(),
                        last -> Cursors.encode(last.occurredAt().toString(), last.id().toString())));
    }

    /** The position after which a page continues: the last entry of the page before. */
    public record Position(Instant occurredAt, UUID id) {

        static Position decode(String cursor) {
            List<String> parts = Cursors.decode(cursor, 2);
            try {
                return new Position(Instant.parse(parts.get(0)), UUID.fromString(parts.get(1)));
            } catch (RuntimeException e) {
                throw Cursors.notOurs();
            }
        }
    }
}
