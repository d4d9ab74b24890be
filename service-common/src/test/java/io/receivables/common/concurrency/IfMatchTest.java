package io.receivables.common.concurrency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import io.receivables.common.problem.ProblemException;
import io.receivables.common.problem.ProblemType;

/** If-Match read per RFC 9110 §13.1.1: strong comparison, lists, and {@code *}. */
class IfMatchTest {

    @Test
    void aStrongTagMatchesItsVersionOnly() {
        ExpectedVersion expected = IfMatch.expectedVersion("\"7\"");
        assertThat(expected.allows(7)).isTrue();
        assertThat(expected.allows(8)).isFalse();
    }

    @Test
    void aWeakTagNeverMatchesAnUpdate() {
        ExpectedVersion expected = IfMatch.expectedVersion("W/\"7\"");
        assertThat(expected.allows(7)).isFalse();
        assertThatThrownBy(() -> IfMatch.check(expected, 7, "Invoice x"))
                .isInstanceOfSatisfying(ProblemException.class,
                        e -> assertThat(e.type()).isEqualTo(ProblemType.PRECONDITION_FAILED));
    }

    @Test
    void aListMatchesWhenAnyStrongTagMatches() {
        ExpectedVersion expected = IfMatch.expectedVersion("\"3\", W/\"7\",\"5\" ,  \"opaque\"");
        assertThat(expected.allows(3)).isTrue();
        assertThat(expected.allows(5)).isTrue();
        assertThat(expected.allows(7)).isFalse();
        assertThat(expected.allows(4)).isFalse();
    }

    @Test
    void aListSplitOverSeveralHeaderLinesIsOneList() {
        ExpectedVersion expected = IfMatch.expectedVersion(IfMatch.combine(java.util.List.of("\"5\"", " ", "\"3\", W/\"7\"")));
        assertThat(expected.allows(5)).isTrue();
        assertThat(expected.allows(3)).isTrue();
        assertThat(expected.allows(7)).isFalse();
        assertThatThrownBy(() -> IfMatch.expectedVersion(IfMatch.combine(java.util.List.of("*", "\"3\""))))
                .isInstanceOfSatisfying(ProblemException.class,
                        e -> assertThat(e.type()).isEqualTo(ProblemType.VALIDATION));
    }

    @Test
    void aStarMatchesAnyVersion() {
        assertThat(IfMatch.expectedVersion(" * ").allows(42)).isTrue();
    }

    @Test
    void aTagThisApiNeverIssuedIsValidSyntaxButMatchesNothing() {
        ExpectedVersion expected = IfMatch.expectedVersion("\"abc\"");
        assertThat(expected.allows(0)).isFalse();
    }

    @Test
    void headerThatIsNoEntityTagListIs400NamingIfMatch() {
        for (String bad : new String[] { "7", "\"7\" \"8\"", "\"7", "W/7", "\"7\"x", "\"a\u0000\"", ",", "W/ \"7\"" }) {
            assertThatThrownBy(() -> IfMatch.expectedVersion(bad)).as(bad)
                    .isInstanceOfSatisfying(ProblemException.class, e -> {
                        assertThat(e.type()).isEqualTo(ProblemType.VALIDATION);
                        assertThat(e.errors()).extracting(error -> error.field()).containsExactly("If-Match");
                    });
        }
    }

    @Test
    void aMissingHeaderIs428() {
        assertThatThrownBy(() -> IfMatch.expectedVersion(null)).isInstanceOfSatisfying(ProblemException.class,
                e -> assertThat(e.type()).isEqualTo(ProblemType.PRECONDITION_REQUIRED));
    }
}
