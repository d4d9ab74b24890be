package io.receivables.dunning.task;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A call a collector is to make: a PHONE_TASK message delivered to the collectors' queue. */
@Entity
@Table(name = "dunning_task")
public class Task {

    @Id
    public UUID id;

    /** The PHONE_TASK message it delivers (one task per message). */
    @Column(name = "message_id", nullable = false)
    public UUID messageId;

    @Column(name = "customer_id", nullable = false)
    public UUID customerId;

    /** The number to call, as the run found it. */
    public String phone;

    /** The rendered call script. */
    @Column(nullable = false)
    public String script;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public TaskStatus status;

    public String assignee;

    @Enumerated(EnumType.STRING)
    public CallOutcome outcome;

    public String note;

    /** Who completed it (the actor's display name). */
    @Column(name = "completed_by")
    public String completedBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "completed_at")
    public Instant completedAt;

    @Version
    public long version;
}
