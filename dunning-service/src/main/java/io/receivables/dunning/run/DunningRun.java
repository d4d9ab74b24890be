package io.receivables.dunning.run;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One dunning run for a day ({@code asOf}). Its customers are {@code dunning_run_customer} rows, its counts are
 * computed from its rows (no counter on this row, which replicas working on the run would contend for).
 */
@Entity
@Table(name = "dunning_run")
public class DunningRun {

    @Id
    public UUID id;

    @Column(name = "as_of", nullable = false)
    public LocalDate asOf;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public RunTrigger trigger;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public RunStatus status;

    /** JSON: the ConsumerCatchUp marks taken when the run was created. */
    @Column(name = "catch_up_marks", nullable = false)
    public String catchUpMarks;

    @Column(name = "catch_up_deadline", nullable = false)
    public Instant catchUpDeadline;

    @Column(name = "failure_reason")
    public String failureReason;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "started_at")
    public Instant startedAt;

    @Column(name = "finished_at")
    public Instant finishedAt;
}
