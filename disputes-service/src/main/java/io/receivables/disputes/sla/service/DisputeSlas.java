package io.receivables.disputes.sla.service;

import java.time.Instant;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.runtime.Startup;
import io.receivables.common.time.BusinessCalendar;
import io.receivables.disputes.dispute.ReasonCode;
import io.receivables.disputes.sla.config.SlaConfig;

/**
 * The SLA due times of a dispute: what the opening (and the reopening) code stores on it. Call
 * {@link #dueTimes(ReasonCode, Instant, Instant)} in the opening's transaction and set
 * {@code dispute.firstResponseDueAt} and {@code dispute.resolutionDueAt} from the result; on a reopening set
 * {@code resolutionDueAt} only (the first response was given) with the reopening instant as {@code from}. Breaches
 * are then found and published by {@link SlaChecks}; nothing else is needed.
 * <p>
 * Each reason code has a first-response and a resolution SLA in business days ({@code receivables.disputes.sla.
 * <REASON>.first-response-days} and {@code .resolution-days}, defaults 2 and 10), counted by the platform's
 * {@link BusinessCalendar} (weekends and holidays skipped, same local time n business days later). A CHARGEBACK with
 * the gateway's evidence due time is resolved by that time, whatever its configured days say, and answered no later.
 */
@Startup
@ApplicationScoped
public class DisputeSlas {

    /** One reason code's SLA in business days. */
    public record Policy(int firstResponseDays, int resolutionDays) {

        public Policy {
            if (firstResponseDays < 0 || resolutionDays < 0) {
                throw new IllegalArgumentException("SLA business days must not be negative: " + firstResponseDays
                        + " (first response), " + resolutionDays + " (resolution)");
            }
        }
    }

    private final Map<ReasonCode, Policy> policies;
    private final BusinessCalendar calendar;

    @Inject
    public DisputeSlas(SlaConfig config, BusinessCalendar calendar) {
        this(policies(config), calendar);
    }

    /** For tests of the rule itself: {@code policies} must name every reason code. */
    public DisputeSlas(Map<ReasonCode, Policy> policies, BusinessCalendar calendar) {
        this.policies = new EnumMap<>(policies);
        if (this.policies.size() != ReasonCode.values().length) {
            throw new IllegalArgumentException("an SLA for every reason code is needed, got " + policies.keySet());
        }
        this.calendar = Objects.requireNonNull(calendar, "calendar");
    }

    /**
     * The due times of a dispute of {@code reason} whose clock starts at {@code from}.
     *
     * @param reason the dispute's reason code
     * @param from when it was opened, or reopened
     * @param evidenceDueAt the gateway's deadline for a chargeback's evidence, or null (ignored for other reasons)
     * @return both due times, never null: the first response n business days after {@code from}, the resolution m
     *         business days after it; for a CHARGEBACK with {@code evidenceDueAt}, the resolution at
     *         {@code evidenceDueAt} and the first response at the earlier of the two
     */
    public SlaDueTimes dueTimes(ReasonCode reason, Instant from, Instant evidenceDueAt) {
        Policy policy = policy(reason);
        Instant firstResponse = calendar.plusBusinessDays(from, policy.firstResponseDays());
        Instant resolution = calendar.plusBusinessDays(from, policy.resolutionDays());
        if (reason == ReasonCode.CHARGEBACK && evidenceDueAt != null) {
            resolution = evidenceDueAt;
            firstResponse = firstResponse.isAfter(evidenceDueAt) ? evidenceDueAt : firstResponse;
        }
        return new SlaDueTimes(firstResponse, resolution);
    }

    /** The configured SLA of {@code reason}. */
    public Policy policy(ReasonCode reason) {
        return policies.get(Objects.requireNonNull(reason, "reason"));
    }

    private static Map<ReasonCode, Policy> policies(SlaConfig config) {
        var unknown = config.reasons().keySet().stream()
                .filter(name -> Arrays.stream(ReasonCode.values()).noneMatch(code -> code.name().equals(name)))
                .sorted().toList();
        if (!unknown.isEmpty()) {
            throw new IllegalStateException("receivables.disputes.sla names unknown reason codes " + unknown
                    + "; known: " + Arrays.toString(ReasonCode.values()));
        }
        return Arrays.stream(ReasonCode.values()).collect(Collectors.toMap(code -> code, code -> {
            SlaConfig.Policy configured = config.reasons().get(code.name());
            return new Policy(configured.firstResponseDays(), configured.resolutionDays());
        }, (a, b) -> a, () -> new EnumMap<>(ReasonCode.class)));
    }
}
