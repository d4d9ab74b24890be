package io.receivables.dunning.policy.service;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.receivables.common.audit.AuditLog;
import io.receivables.common.audit.AuditSummary;
import io.receivables.common.problem.FieldError;
import io.receivables.common.problem.ProblemException;
import io.receivables.common.problem.ProblemType;
import io.receivables.contracts.events.Actor;
import io.receivables.dunning.policy.CustomerPolicy;
import io.receivables.dunning.policy.DefaultPolicy;
import io.receivables.dunning.policy.DunningPolicy;
import io.receivables.dunning.policy.PolicySource;
import io.receivables.dunning.policy.SegmentPolicy;
import io.receivables.dunning.policy.repository.CustomerPolicyRepository;
import io.receivables.dunning.policy.repository.DefaultPolicyRepository;
import io.receivables.dunning.policy.repository.DunningPolicyRepository;
import io.receivables.dunning.policy.repository.SegmentPolicyRepository;
import io.smallrye.mutiny.Uni;

/**
 * Which policy applies to whom: a customer's override, else its segment's policy, else the default
 * ({@link #resolve}). Setting an assignment locks the policy's row, as its deletion does, so a policy cannot be
 * deleted while it is being assigned; the assignment itself is one upsert (PUT: the last one wins, each audited).
 * Changes run in the caller's transaction.
 */
@ApplicationScoped
public class PolicyAssignments {

    /** The policy that applies, and why; {@code segment} is the one asked about (null when none was given). */
    public record Resolution(UUID customerId, String segment, PolicySource source, PolicyView policy) {
    }

    /** Every assignment but the customers' overrides. */
    public record Assignments(DefaultPolicy defaultPolicy, List<SegmentPolicy> segments) {
    }

    private final DunningPolicyRepository policies;
    private final SegmentPolicyRepository segments;
    private final DefaultPolicyRepository defaults;
    private final CustomerPolicyRepository customers;
    private final Policies views;
    private final AuditLog audit;
    private final Clock clock;

    @Inject
    public PolicyAssignments(DunningPolicyRepository policies, SegmentPolicyRepository segments,
            DefaultPolicyRepository defaults, CustomerPolicyRepository customers, Policies views, AuditLog audit,
            Clock clock) {
        this.policies = policies;
        this.segments = segments;
        this.defaults = defaults;
        this.customers = customers;
        this.views = views;
        this.audit = audit;
        this.clock = clock;
    }

    @WithSession
    public Uni<Assignments> list() {
        return defaults.findById(DefaultPolicy.ID).chain(byDefault -> segments.list("order by segment")
                .map(bySegment -> new Assignments(byDefault, bySegment)));
    }

    public Uni<DefaultPolicy> setDefault(Actor actor, UUID policyId) {
        Instant now = now();
        return assignable(policyId).chain(policy -> defaults.findById(DefaultPolicy.ID))
                .chain(before -> defaults.assign(policyId, now)
                        .chain(() -> audit.record(actor, "setDefaultDunningPolicy", "dunning-policy-assignment",
                                "default", AuditSummary.of().change("policyId", before == null ? null
                                        : before.policyId, policyId))))
                .map(ignored -> {
                    DefaultPolicy row = new DefaultPolicy();
                    row.id = DefaultPolicy.ID;
                    row.policyId = policyId;
                    row.updatedAt = now;
                    return row;
                });
    }

    public Uni<SegmentPolicy> setSegment(Actor actor, String segment, UUID policyId) {
        Instant now = now();
        return assignable(policyId).chain(policy -> segments.findById(segment))
                .chain(before -> segments.assign(segment, policyId, now)
                        .chain(() -> audit.record(actor, "setSegmentDunningPolicy", "dunning-policy-assignment",
                                "segment:" + segment, AuditSummary.of().change("policyId", before == null ? null
                                        : before.policyId, policyId))))
                .map(ignored -> {
                    SegmentPolicy row = new SegmentPolicy();
                    row.segment = segment;
                    row.policyId = policyId;
                    row.updatedAt = now;
                    return row;
                });
    }

    public Uni<Void> removeSegment(Actor actor, String segment) {
        return segments.findById(segment, LockModeType.PESSIMISTIC_WRITE).chain(found -> {
            if (found == null) {
                throw ProblemException.notFound("Segment " + segment + " has no policy of its own");
            }
            return segments.delete(found).chain(() -> audit.record(actor, "removeSegmentDunningPolicy",
                    "dunning-policy-assignment", "segment:" + segment,
                    AuditSummary.of().change("policyId", found.policyId, null)));
        });
    }

    public Uni<CustomerPolicy> setCustomer(Actor actor, UUID customerId, UUID policyId) {
        Instant now = now();
        return assignable(policyId).chain(policy -> customers.findById(customerId))
                .chain(before -> customers.assign(customerId, policyId, now)
                        .chain(() -> audit.record(actor, "setCustomerDunningPolicy", "customer", customerId,
                                AuditSummary.of().change("dunningPolicyId", before == null ? null : before.policyId,
                                        policyId))))
                .map(ignored -> {
                    CustomerPolicy row = new CustomerPolicy();
                    row.customerId = customerId;
                    row.policyId = policyId;
                    row.updatedAt = now;
                    return row;
                });
    }

    public Uni<Void> removeCustomer(Actor actor, UUID customerId) {
        return customers.findById(customerId, LockModeType.PESSIMISTIC_WRITE).chain(found -> {
            if (found == null) {
                throw ProblemException.notFound("Customer " + customerId + " has no dunning policy of its own");
            }
            return customers.delete(found).chain(() -> audit.record(actor, "removeCustomerDunningPolicy",
                    "customer", customerId, AuditSummary.of().change("dunningPolicyId", found.policyId, null)));
        });
    }

    /**
     * The policy that applies to the customer: its override, else the policy of {@code segment} (the run passes the
     * customer's segment from its read model), else the default; 404 when none applies.
     */
    @WithSession
    public Uni<Resolution> resolve(UUID customerId, String segment) {
        return customers.findById(customerId).chain(override -> {
            if (override != null) {
                return resolved(customerId, segment, PolicySource.OVERRIDE, override.policyId);
            }
            Uni<SegmentPolicy> bySegment = segment == null ? Uni.createFrom().nullItem() : segments.findById(segment);
            return bySegment.chain(ofSegment -> {
                if (ofSegment != null) {
                    return resolved(customerId, segment, PolicySource.SEGMENT, ofSegment.policyId);
                }
                return defaults.findById(DefaultPolicy.ID).chain(byDefault -> {
                    if (byDefault == null) {
                        throw ProblemException.notFound("No dunning policy applies to customer " + customerId
                                + ": it has no override, " + (segment == null ? "no segment was given"
                                        : "segment " + segment + " has no policy")
                                + " and no default policy is set");
                    }
                    return resolved(customerId, segment, PolicySource.DEFAULT, byDefault.policyId);
                });
            });
        });
    }

    private Uni<Resolution> resolved(UUID customerId, String segment, PolicySource source, UUID policyId) {
        return policies.findById(policyId).chain(views::current)
                .map(view -> new Resolution(customerId, segment, source, view));
    }

    /** The policy, locked against its deletion; 422 when unknown, 409 when deleted. */
    private Uni<DunningPolicy> assignable(UUID policyId) {
        return policies.findById(policyId, LockModeType.PESSIMISTIC_WRITE).map(policy -> {
            if (policy == null) {
                throw ProblemException.unknownReference("policyId", "no dunning policy " + policyId);
            }
            if (!policy.active) {
                throw new ProblemException(ProblemType.CONFLICT, "dunning policy " + policyId
                        + " is deleted and cannot be assigned",
                        List.of(new FieldError("policyId", "deleted policy")));
            }
            return policy;
        });
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
