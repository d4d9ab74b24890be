package io.receivables.disputes.dispute;

import static io.receivables.disputes.dispute.DisputeState.AWAITING_CUSTOMER;
import static io.receivables.disputes.dispute.DisputeState.AWAITING_INTERNAL;
import static io.receivables.disputes.dispute.DisputeState.OPEN;
import static io.receivables.disputes.dispute.DisputeState.RESOLVED;
import static io.receivables.disputes.dispute.DisputeState.UNDER_REVIEW;
import static io.receivables.disputes.dispute.DisputeState.WITHDRAWN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.receivables.common.problem.ProblemException;
import io.receivables.common.problem.ProblemType;

/** Every pair of states, allowed or not, as the workflow of issue 11 draws it. */
class DisputeTransitionsTest {

    static final Map<DisputeState, Set<DisputeState>> EXPECTED = Map.of(
            OPEN, EnumSet.of(UNDER_REVIEW, WITHDRAWN),
            UNDER_REVIEW, EnumSet.of(AWAITING_CUSTOMER, AWAITING_INTERNAL, RESOLVED, WITHDRAWN),
            AWAITING_CUSTOMER, EnumSet.of(UNDER_REVIEW, RESOLVED, WITHDRAWN),
            AWAITING_INTERNAL, EnumSet.of(UNDER_REVIEW, RESOLVED, WITHDRAWN),
            RESOLVED, EnumSet.of(UNDER_REVIEW),
            WITHDRAWN, EnumSet.noneOf(DisputeState.class));

    static Stream<Arguments> everyPair() {
        return Stream.of(DisputeState.values()).flatMap(from -> Stream.of(DisputeState.values())
                .map(to -> Arguments.of(from, to, EXPECTED.get(from).contains(to))));
    }

    @ParameterizedTest(name = "{0} -> {1}: {2}")
    @MethodSource("everyPair")
    void eachPairIsAllowedExactlyWhenTheWorkflowDrawsIt(DisputeState from, DisputeState to, boolean allowed) {
        assertThat(DisputeTransitions.allowed(from, to)).isEqualTo(allowed);
        assertThat(DisputeTransitions.next(from).contains(to)).isEqualTo(allowed);
        if (allowed) {
            assertThatCode(() -> DisputeTransitions.require(from, to)).doesNotThrowAnyException();
        } else {
            assertThatThrownBy(() -> DisputeTransitions.require(from, to)).isInstanceOfSatisfying(
                    ProblemException.class, e -> {
                        assertThat(e.type()).isEqualTo(ProblemType.ILLEGAL_TRANSITION);
                        assertThat(e.type().status()).isEqualTo(409);
                        assertThat(e.getMessage()).contains("from " + from + " to " + to);
                        assertThat(e.errors()).extracting(error -> error.field()).containsExactly("from", "to");
                    });
        }
        boolean workflowMove = allowed && from.active() && to.active();
        assertThat(DisputeTransitions.workflowMove(from, to)).as("a move of POST /transitions").isEqualTo(workflowMove);
        if (workflowMove) {
            assertThatCode(() -> DisputeTransitions.requireWorkflowMove(from, to)).doesNotThrowAnyException();
        } else {
            assertThatThrownBy(() -> DisputeTransitions.requireWorkflowMove(from, to))
                    .isInstanceOfSatisfying(ProblemException.class,
                            e -> assertThat(e.type()).isEqualTo(ProblemType.ILLEGAL_TRANSITION));
        }
    }
}
