package io.receivables.common.outbox;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.receivables.contracts.CloudEventHeaders;
import io.receivables.contracts.events.EventType;
import io.receivables.contracts.events.ReceivablesEvent;
import io.receivables.contracts.json.EventJson;
import io.receivables.contracts.validation.EventValidator;
import io.smallrye.mutiny.Uni;

/**
 * Appends a domain event to the outbox in the caller's transaction, so that the change and its event commit or roll
 * back together. There is deliberately no way to send to Kafka from here: Debezium publishes what commits.
 */
@ApplicationScoped
public class OutboxWriter {

    private final OutboxRepository repository;
    private final Clock clock;
    private final EventValidator validator = EventValidator.shared();

    @Inject
    public OutboxWriter(OutboxRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    /**
     * Appends {@code event}: its type gives {@code ce_type}, {@code ce_source} and {@code ce_dataschema}; its subject
     * becomes {@code ce_subject}; its customer the Kafka key. The body is validated against its schema before it is
     * written, so that an invalid event fails the transaction instead of reaching consumers.
     *
     * @param aggregateType e.g. {@code invoice}: kept on the row for operators, not routed on
     */
    public Uni<OutboxEvent> append(String aggregateType, ReceivablesEvent event) {
        EventType type = event.eventType();
        String json = EventJson.write(event);
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
        return repository.persist(row);
    }
}
