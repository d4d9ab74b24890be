package io.receivables.dunning.policy;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A dunning policy: its identity and current version. Each version is kept ({@link PolicyVersion}, its steps
 * {@link PolicyStep}),
 * so that a message can name the version it was sent under. {@link #version} is not a JPA {@code @Version}: it is the
 * policy's version number (from 1), raised by a change under the row's lock, and also its ETag.
 */
@Entity
@Table(name = "dunning_policy")
public class DunningPolicy {

    @Id
    public UUID id;

    /** False once deleted (deactivated): kept for the messages sent under it, never assigned again. */
    @Column(nullable = false)
    public boolean active;

    @Column(nullable = false)
    public long version;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
