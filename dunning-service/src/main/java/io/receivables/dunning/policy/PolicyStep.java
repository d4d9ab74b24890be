package io.receivables.dunning.policy;

import java.math.BigDecimal;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One step of one version of a policy; its channels are {@link StepChannel} rows. */
@Entity
@Table(name = "dunning_policy_step")
public class PolicyStep {

    @Id
    public UUID id;

    @Column(name = "policy_id", nullable = false)
    public UUID policyId;

    @Column(name = "policy_version", nullable = false)
    public long policyVersion;

    /** From 1, in offset order. */
    @Column(name = "step_number", nullable = false)
    public int number;

    /** Days after the due date (negative: before it) from which the step is due. */
    @Column(name = "offset_days", nullable = false)
    public int offsetDays;

    /** The least overdue amount (in the policy's currency) for which the step is sent. */
    @Column(name = "minimum_overdue", nullable = false)
    public BigDecimal minimumOverdue;

    /** A fixed fee charged at this step, in the policy's currency; null: none. */
    @Column(name = "fee_amount")
    public BigDecimal feeAmount;

    /** Whether statutory interest is assessed at this step (the interest engine computes it). */
    @Column(name = "assess_interest", nullable = false)
    public boolean assessInterest;

    @Enumerated(EnumType.STRING)
    public Escalation escalation;
}
