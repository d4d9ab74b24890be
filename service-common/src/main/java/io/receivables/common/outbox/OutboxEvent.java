package io.receivables.common.outbox;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One event waiting in the transactional outbox. Debezium's Outbox Event Router turns each row into a Kafka record:
 * {@code customer_id} becomes the key, {@code payload} the value, and the other columns the CloudEvents headers
 * (deploy/connect holds that mapping). Rows are written in the same transaction as the change they describe.
 */
@Entity
@Table(name = "outbox")
public class OutboxEvent {

    @Id
    public UUID id;

    @Column(name = "aggregatetype", nullable = false, length = 64)
    public String aggregateType;

    @Column(name = "aggregateid", nullable = false, length = 64)
    public String aggregateId;

    @Column(name = "customer_id", nullable = false, length = 64)
    public String customerId;

    @Column(nullable = false, length = 64)
    public String type;

    @Column(nullable = false, length = 128)
    public String source;

    @Column(nullable = false, length = 8)
    public String specversion;

    @Column(nullable = false, length = 64)
    public String datacontenttype;

    @Column(nullable = false, length = 256)
    public String dataschema;

    /** The CloudEvents {@code time}, ISO-8601 UTC text so that the header carries exactly this string. */
    @Column(name = "ce_time", nullable = false, length = 40)
    public String ceTime;

    @Column(name = "timestamp", nullable = false)
    public Instant timestamp;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public String payload;
}
