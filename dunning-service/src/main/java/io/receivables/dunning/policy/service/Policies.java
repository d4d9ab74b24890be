package io.receivables.dunning.policy.service;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.receivables.common.audit.AuditLog;
import io.receivables.common.audit.AuditSummary;
import io.receivables.common.concurrency.ExpectedVersion;
import io.receivables.common.concurrency.IfMatch;
import io.receivables.common.paging.Page;
import io.receivables.common.problem.FieldError;
import io.receivables.common.problem.ProblemException;
import io.receivables.common.problem.ProblemType;
import io.receivables.contracts.events.Actor;
import io.receivables.dunning.policy.DunningPolicy;
import io.receivables.dunning.policy.PolicyStep;
import io.receivables.dunning.policy.PolicyVersion;
import io.receivables.dunning.policy.StepChannel;
import io.receivables.dunning.policy.repository.CustomerPolicyRepository;
import io.receivables.dunning.policy.repository.DefaultPolicyRepository;
import io.receivables.dunning.policy.repository.DunningPolicyRepository;
import io.receivables.dunning.policy.repository.PolicyStepRepository;
import io.receivables.dunning.policy.repository.PolicyVersionRepository;
import io.receivables.dunning.policy.repository.SegmentPolicyRepository;
import io.receivables.dunning.policy.repository.StepChannelRepository;
import io.receivables.dunning.template.service.Templates;
import io.smallrye.mutiny.Uni;

/**
 * Dunning policies: made, read, changed (each change a new version, the old ones kept) and deleted (deactivated: kept
 * for what was sent under them, refused while a segment, the default or a customer uses it). Changes run in the
 * caller's transaction; a change holds the policy's row lock, so of two concurrent changes from the same version one
 * wins and the other finds the version moved (412).
 */
@ApplicationScoped
public class Policies {

    private final DunningPolicyRepository policies;
    private final PolicyVersionRepository versions;
    private final PolicyStepRepository steps;
    private final StepChannelRepository channels;
    private final SegmentPolicyRepository segments;
    private final DefaultPolicyRepository defaults;
    private final CustomerPolicyRepository customers;
    private final Templates templates;
    private final AuditLog audit;
    private final Clock clock;

    @Inject
    public Policies(DunningPolicyRepository policies, PolicyVersionRepository versions, PolicyStepRepository steps,
            StepChannelRepository channels, SegmentPolicyRepository segments, DefaultPolicyRepository defaults,
            CustomerPolicyRepository customers, Templates templates, AuditLog audit, Clock clock) {
        this.policies = policies;
        this.versions = versions;
        this.steps = steps;
        this.channels = channels;
        this.segments = segments;
        this.defaults = defaults;
        this.customers = customers;
        this.templates = templates;
        this.audit = audit;
        this.clock = clock;
    }

    public Uni<PolicyView> create(Actor actor, PolicyDefinition definition) {
        return checked(definition).chain(() -> {
            Instant now = now();
            DunningPolicy policy = new DunningPolicy();
            policy.id = UUID.randomUUID();
            policy.active = true;
            policy.version = 1;
            policy.createdAt = now;
            policy.updatedAt = now;
            return policies.persist(policy).chain(() -> writeVersion(actor, policy, definition, now))
                    .call(view -> audit.record(actor, "createDunningPolicy", "dunning-policy", policy.id,
                            AuditSummary.of().value("name", definition.name()).value("version", 1)
                                    .value("steps", definition.steps().size())));
        });
    }

    /** The next version; needs the current version in If-Match. */
    public Uni<PolicyView> update(Actor actor, UUID id, ExpectedVersion expected, PolicyDefinition definition) {
        return checked(definition).chain(() -> locked(id)).chain(policy -> {
            IfMatch.check(expected, policy.version, "Dunning policy " + id);
            if (!policy.active) {
                throw new ProblemException(ProblemType.CONFLICT, "dunning policy " + id
                        + " is deleted; create a new policy instead", List.of());
            }
            long before = policy.version;
            policy.version = before + 1;
            policy.updatedAt = now();
            return writeVersion(actor, policy, definition, policy.updatedAt)
                    .call(view -> audit.record(actor, "updateDunningPolicy", "dunning-policy", id,
                            AuditSummary.of().change("version", before, policy.version)));
        });
    }

    /** Deactivates the policy; refused (409) while it is assigned anywhere. */
    public Uni<Void> delete(Actor actor, UUID id, ExpectedVersion expected) {
        return locked(id).chain(policy -> {
            IfMatch.check(expected, policy.version, "Dunning policy " + id);
            if (!policy.active) {
                throw ProblemException.notFound("No dunning policy " + id);
            }
            return uses(id).chain(uses -> {
                if (!uses.isEmpty()) {
                    throw new ProblemException(ProblemType.CONFLICT, "dunning policy " + id + " is in use ("
                            + String.join("; ", uses) + "); assign another policy first", List.of());
                }
                policy.active = false;
                policy.updatedAt = now();
                return audit.record(actor, "deleteDunningPolicy", "dunning-policy", id,
                        AuditSummary.of().change("active", true, false)).chain(() -> policies.flush())
                        .replaceWithVoid();
            });
        });
    }

    @WithSession
    public Uni<PolicyView> get(UUID id) {
        return policies.findById(id).onItem().ifNull().failWith(() -> unknown(id))
                .chain(policy -> view(policy, policy.version));
    }

    @WithSession
    public Uni<PolicyView> getVersion(UUID id, long version) {
        return policies.findById(id).onItem().ifNull().failWith(() -> unknown(id)).chain(policy -> {
            if (version < 1 || version > policy.version) {
                throw ProblemException.notFound("Dunning policy " + id + " has versions 1 to " + policy.version
                        + ", not " + version);
            }
            return view(policy, version);
        });
    }

    /** The current version of a policy; in the caller's session. */
    public Uni<PolicyView> current(DunningPolicy policy) {
        return view(policy, policy.version);
    }

    @WithSession
    public Uni<Page<PolicyView>> list(boolean includeDeleted, String cursor, int limit) {
        return policies.page(includeDeleted, cursor, limit).chain(page -> {
            if (page.items().isEmpty()) {
                return Uni.createFrom().item(new Page<PolicyView>(List.of(), page.nextCursor()));
            }
            // three small queries per policy, one after the other (one session); a page is at most 100 policies
            Uni<List<PolicyView>> views = Uni.createFrom().item(new ArrayList<>());
            for (DunningPolicy policy : page.items()) {
                views = views.chain(done -> view(policy, policy.version).map(view -> {
                    done.add(view);
                    return done;
                }));
            }
            return views.map(done -> new Page<>(done, page.nextCursor()));
        });
    }

    /** Where the policy is assigned, for the refusal of its deletion. */
    private Uni<List<String>> uses(UUID id) {
        return defaults.count("policyId", id).chain(asDefault -> segments.list("policyId = ?1 order by segment", id)
                .chain(bySegment -> customers.count("policyId", id).map(byCustomer -> {
                    List<String> uses = new ArrayList<>();
                    if (asDefault > 0) {
                        uses.add("it is the default policy");
                    }
                    if (!bySegment.isEmpty()) {
                        uses.add("segments " + bySegment.stream().map(s -> s.segment).collect(Collectors.joining(
                                ", ")));
                    }
                    if (byCustomer > 0) {
                        uses.add(byCustomer + " customer override(s)");
                    }
                    return uses;
                })));
    }

    private Uni<Void> checked(PolicyDefinition definition) {
        List<FieldError> errors = new ArrayList<>();
        PolicyChecks.shape(definition, errors);
        if (!errors.isEmpty()) {
            return Uni.createFrom().failure(ProblemException.invalid(errors));
        }
        return templates.availableKeys().map(available -> {
            List<FieldError> unknown = new ArrayList<>();
            PolicyChecks.templates(definition, available, unknown);
            if (!unknown.isEmpty()) {
                throw new ProblemException(ProblemType.UNKNOWN_REFERENCE, unknown.size()
                        + " template key(s) unknown: " + unknown.stream().map(FieldError::field)
                                .collect(Collectors.joining(", ")),
                        unknown);
            }
            return null;
        });
    }

    Uni<DunningPolicy> locked(UUID id) {
        return policies.findById(id, LockModeType.PESSIMISTIC_WRITE).onItem().ifNull().failWith(() -> unknown(id));
    }

    private Uni<PolicyView> writeVersion(Actor actor, DunningPolicy policy, PolicyDefinition definition,
            Instant now) {
        PolicyVersion version = new PolicyVersion();
        version.policyId = policy.id;
        version.version = policy.version;
        version.name = definition.name().strip();
        version.description = definition.description();
        version.currency = definition.currency();
        version.createdAt = now;
        version.createdBy = actor.id();
        List<PolicyView.Step> views = new ArrayList<>();
        List<PolicyStep> stepRows = new ArrayList<>();
        List<StepChannel> channelRows = new ArrayList<>();
        for (int i = 0; i < definition.steps().size(); i++) {
            PolicyDefinition.Step step = definition.steps().get(i);
            PolicyStep row = new PolicyStep();
            row.id = UUID.randomUUID();
            row.policyId = policy.id;
            row.policyVersion = policy.version;
            row.number = i + 1;
            row.offsetDays = step.offsetDays();
            row.minimumOverdue = step.minimumOverdue() == null ? BigDecimal.ZERO : step.minimumOverdue();
            row.feeAmount = step.fee();
            row.assessInterest = step.assessInterest();
            row.escalation = step.escalation();
            List<StepChannel> ofStep = step.channels().stream().map(channel -> {
                StepChannel c = new StepChannel();
                c.stepId = row.id;
                c.channel = channel.channel();
                c.templateKey = channel.templateKey();
                return c;
            }).sorted(Comparator.comparing(c -> c.channel)).toList();
            stepRows.add(row);
            channelRows.addAll(ofStep);
            views.add(new PolicyView.Step(row, ofStep));
        }
        return versions.persist(version).chain(() -> steps.persist(stepRows))
                .chain(() -> channels.persist(channelRows)).chain(() -> policies.flush())
                .map(ignored -> new PolicyView(policy, version, views));
    }

    private Uni<PolicyView> view(DunningPolicy policy, long version) {
        return versions.find(policy.id, version).chain(v -> steps.of(policy.id, version).chain(stepRows -> channels
                .ofSteps(stepRows.stream().map(s -> s.id).toList()).map(channelRows -> {
                    Map<UUID, List<StepChannel>> byStep = channelRows.stream()
                            .collect(Collectors.groupingBy(c -> c.stepId));
                    return new PolicyView(policy, v, stepRows.stream()
                            .map(s -> new PolicyView.Step(s, byStep.getOrDefault(s.id, List.of()))).toList());
                })));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    static ProblemException unknown(UUID id) {
        return ProblemException.notFound("No dunning policy " + id);
    }
}
