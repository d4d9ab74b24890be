package io.receivables.common.outbox;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.receivables.common.audit.AuditLog;
import io.receivables.common.audit.AuditSummary;
import io.receivables.contracts.CloudEventHeaders;
import io.receivables.contracts.events.Actor;
import io.receivables.contracts.events.EventType;
import io.receivables.contracts.events.ReceivablesEvent;
import io.receivables.contracts.json.EventJson;
import io.receivables.contracts.validation.EventValidator;
import io.smallrye.mutiny.Uni;

/**
 * Appends a domain event to the outbox in the caller's transaction, so that the change and its event commit or roll
 * back together, and records the change in the audit log in the same transaction: whoever publishes a change cannot
 * forget to audit it. There is deliberately no way to send to Kafka from here: Debezium publishes what commits.
 */
@ApplicationScoped
public class OutboxWriter {

    private final OutboxRepository repository;
    private final AuditLog audit;
    private final Clock clock;
    private final EventValidator validator = EventValidator.shared();

    @Inject
    public OutboxWriter(OutboxRepository repository, AuditLog audit, Clock clock) {
        this.repository = repository;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Appends {@code event} as made by {@code actor}, with an audit entry summarising the event's telling fields
     * (numbers, amounts, currency, reason): {@link #append(Actor, String, ReceivablesEvent, AuditSummary)}.
     */
    public Uni<OutboxEvent> append(Actor actor, String aggregateType, ReceivablesEvent event) {
        return append(actor, aggregateType, event, AuditSummary.of());
    }

    /**
     * Appends {@code event}: its type gives {@code ce_type}, {@code ce_source} and {@code ce_dataschema}; its subject
     * becomes {@code ce_subject}; its customer the Kafka key; {@code actor} its {@code actor} (whatever the record
     * carried). The body is validated against its schema before it is written, so that an invalid event fails the
     * transaction instead of reaching consumers. The audit entry names the event type as the operation, the aggregate
     * as the entity, and {@code change} (e.g. the status before and after) followed by the event's telling fields.
     *
     * @param actor who made the change: resolved at the edge (the resource, the consumer, the job), never from a
     *        context shared by the transaction, since one transaction may carry several callers' changes
     * @param aggregateType e.g. {@code invoice}: kept on the row for operators, not routed on; the audit's entity type
     */
    public Uni<OutboxEvent> append(Actor actor, String aggregateType, ReceivablesEvent event, AuditSummary change) {
        Objects.requireNonNull(actor, "every event has an actor");
        EventType type = event.eventType();
        ObjectNode body = (ObjectNode) EventJson.toTree(event);
        body.set("actor", EventJson.toTree(actor));
        String json = EventJson.write(body);
        validator.assertValid(type.type(), json);
        OutboxEvent row = new OutboxEvent();
        row.id = UUID.randomUUID();
        row.aggregateType = aggregateType;
        row.aggregateId = event.subjectId().toString();
        row.customerId = event.customerId().toString();
        row.type = type.type();
        row.source = type.source();
        row.specversion = CloudEventHeaders.SPEC_VERSION_1_0;
        row.datacontenttype = CloudEventHeaders.APPLICATION_JSON;
        row.dataschema = type.schemaId();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        row.timestamp = now;
        row.ceTime = now.toString();
        row.payload = json;
        return repository.persist(row)
                .call(() -> audit.record(actor, type.type(), aggregateType, event.subjectId(),
                        change.and(AuditSummary.ofEvent(body))));
    }
}
