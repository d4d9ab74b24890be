package io.receivables.disputes.dispute;

import static io.receivables.disputes.dispute.DisputeState.AWAITING_CUSTOMER;
import static io.receivables.disputes.dispute.DisputeState.AWAITING_INTERNAL;
import static io.receivables.disputes.dispute.DisputeState.OPEN;
import static io.receivables.disputes.dispute.DisputeState.RESOLVED;
import static io.receivables.disputes.dispute.DisputeState.UNDER_REVIEW;
import static io.receivables.disputes.dispute.DisputeState.WITHDRAWN;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.receivables.common.problem.FieldError;
import io.receivables.common.problem.ProblemException;
import io.receivables.common.problem.ProblemType;

/**
 * The dispute workflow, the one place that says which change of state is allowed:
 * {@code OPEN → UNDER_REVIEW ⇄ AWAITING_CUSTOMER | AWAITING_INTERNAL}, resolved from review or either wait (not
 * unreviewed from OPEN), withdrawn from any active state, and a resolution reopened back to UNDER_REVIEW (whether it may
 * be, by outcome and window, is the reopening's rule, not the workflow's). WITHDRAWN is final.
 */
public final class DisputeTransitions {

    private static final Map<DisputeState, Set<DisputeState>> NEXT = new EnumMap<>(DisputeState.class);

    static {
        NEXT.put(OPEN, EnumSet.of(UNDER_REVIEW, WITHDRAWN));
        NEXT.put(UNDER_REVIEW, EnumSet.of(AWAITING_CUSTOMER, AWAITING_INTERNAL, RESOLVED, WITHDRAWN));
        NEXT.put(AWAITING_CUSTOMER, EnumSet.of(UNDER_REVIEW, RESOLVED, WITHDRAWN));
        NEXT.put(AWAITING_INTERNAL, EnumSet.of(UNDER_REVIEW, RESOLVED, WITHDRAWN));
        NEXT.put(RESOLVED, EnumSet.of(UNDER_REVIEW));
        NEXT.put(WITHDRAWN, EnumSet.noneOf(DisputeState.class));
    }

    private DisputeTransitions() {
    }

    /** The states a dispute in {@code from} may move to. */
    public static Set<DisputeState> next(DisputeState from) {
        return Set.copyOf(NEXT.get(from));
    }

    public static boolean allowed(DisputeState from, DisputeState to) {
        return NEXT.get(from).contains(to);
    }

    /** Fails with 409 {@code illegal-transition} naming both states, and what {@code from} allows, unless allowed. */
    public static void require(DisputeState from, DisputeState to) {
        if (!allowed(from, to)) {
            throw illegal(from, to);
        }
    }

    /**
     * A move within the active workflow (review and the waits), as POST /disputes/{id}/transitions makes it: allowed,
     * and neither from an ended dispute (RESOLVED goes back to review only by a reopening, with its own rules) nor to an
     * end (a resolution and a withdrawal have their own operations).
     */
    public static boolean workflowMove(DisputeState from, DisputeState to) {
        return from.active() && to.active() && allowed(from, to);
    }

    /** Fails with 409 {@code illegal-transition} unless {@link #workflowMove}. */
    public static void requireWorkflowMove(DisputeState from, DisputeState to) {
        if (!workflowMove(from, to)) {
            throw illegal(from, to);
        }
    }

    static ProblemException illegal(DisputeState from, DisputeState to) {
        Set<DisputeState> allowed = NEXT.get(from);
        String detail = "a dispute cannot move from " + from + " to " + to + "; from " + from + " it may move to "
                + (allowed.isEmpty() ? "no other state" : allowed.stream().map(Enum::name).sorted().toList());
        return new ProblemException(ProblemType.ILLEGAL_TRANSITION, detail,
                List.of(new FieldError("from", from.name()), new FieldError("to", to.name() + " is not allowed from " + from)));
    }
}
