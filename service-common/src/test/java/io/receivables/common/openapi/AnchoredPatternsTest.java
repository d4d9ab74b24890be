package io.receivables.common.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

class AnchoredPatternsTest {

    @Test
    void anchorsAPatternAsBeanValidationMatchesIt() {
        assertThat(AnchoredPatterns.anchored("[A-Z]{3}")).isEqualTo("^[A-Z]{3}$");
        assertThat(Pattern.compile(AnchoredPatterns.anchored("[A-Z]{3}")).matcher("EURO").find()).isFalse();
    }

    @Test
    void groupsAnAlternationSoThatBothBranchesAreAnchored() {
        String anchored = AnchoredPatterns.anchored("a|bc");
        assertThat(anchored).isEqualTo("^(?:a|bc)$");
        assertThat(Pattern.compile(anchored).matcher("abcd").find()).isFalse();
    }

    @Test
    void leavesAnAnchoredPatternAsItIsAndCompletesAHalfAnchoredOne() {
        assertThat(AnchoredPatterns.anchored("^-?[0-9]+$")).isEqualTo("^-?[0-9]+$");
        assertThat(AnchoredPatterns.anchored("^[a-z]+")).isEqualTo("^[a-z]+$");
        assertThat(AnchoredPatterns.anchored("[a-z]+$")).isEqualTo("^[a-z]+$");
    }

    @Test
    void keepsNotBlankMeaningContainsANonSpaceCharacter() {
        Pattern notBlank = Pattern.compile(AnchoredPatterns.anchored("\\S"));
        assertThat(notBlank.matcher("  Hamburg\nHafen ").find()).isTrue();
        assertThat(notBlank.matcher(" \t ").find()).isFalse();
    }
}
