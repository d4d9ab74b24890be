package io.receivables.disputes.sla.service;

/**
 * The SLA conditions for queries over {@link io.receivables.disputes.dispute.Dispute} (HQL, on the entity's fields),
 * for {@code GET /disputes?slaBreached=true|false}: a dispute counts as breached once the check has stamped a breach
 * of either kind, the same moment its {@code dispute-sla-breached} event is written (at most a check interval after
 * the due time).
 */
public final class SlaQueries {

    /** A first-response or resolution breach was stamped. */
    public static final String BREACHED = "(firstResponseBreachedAt is not null or resolutionBreachedAt is not null)";

    /** Neither kind was stamped. */
    public static final String NOT_BREACHED = "(firstResponseBreachedAt is null and resolutionBreachedAt is null)";

    private SlaQueries() {
    }

    /** The condition for {@code slaBreached=breached}. */
    public static String breached(boolean breached) {
        return breached ? BREACHED : NOT_BREACHED;
    }
}
