package io.receivables.common.concurrency;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class ExpectedVersionTest {

    @Test
    void anyVersionAllowsEveryCurrentVersion() {
        assertThat(ExpectedVersion.anyVersion().allows(0)).isTrue();
        assertThat(ExpectedVersion.anyVersion().allows(42)).isTrue();
    }

    @Test
    void aVersionAllowsItselfOnly() {
        assertThat(ExpectedVersion.of(7).allows(7)).isTrue();
        assertThat(ExpectedVersion.of(7).allows(8)).isFalse();
        assertThat(ExpectedVersion.of(7).allows(6)).isFalse();
    }

    @Test
    void noStrongTagAllowsNothingAndSaysWhy() {
        ExpectedVersion none = new ExpectedVersion(false, List.of());
        assertThat(none.allows(0)).isFalse();
        assertThat(none.describe()).contains("weak");
        assertThat(new ExpectedVersion(false, List.of(7L, 8L)).describe()).isEqualTo("one of [7, 8]");
        assertThat(ExpectedVersion.of(7).describe()).isEqualTo("7");
    }

    @Test
    void theVersionsCannotChangeAfterwards() {
        List<Long> versions = new ArrayList<>(List.of(3L));
        ExpectedVersion expected = new ExpectedVersion(false, versions);
        versions.add(4L);
        assertThat(expected.allows(4)).isFalse();
    }
}
