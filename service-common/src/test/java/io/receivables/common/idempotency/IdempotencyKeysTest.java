package io.receivables.common.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IdempotencyKeysTest {

    @Test
    void aKeyIsOneTo255PrintableAsciiCharacters() {
        assertThat(IdempotencyKeys.isValid("a")).isTrue();
        assertThat(IdempotencyKeys.isValid("3f1c2a94-5d0e-4b7a-9c61-0a2b3c4d5e6f")).isTrue();
        assertThat(IdempotencyKeys.isValid(" ~!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}")).isTrue();
        assertThat(IdempotencyKeys.isValid("k".repeat(255))).isTrue();
    }

    @Test
    void anEmptyOverlongOrNonPrintableKeyIsRefused() {
        assertThat(IdempotencyKeys.isValid(null)).isFalse();
        assertThat(IdempotencyKeys.isValid("")).isFalse();
        assertThat(IdempotencyKeys.isValid("k".repeat(256))).isFalse();
        assertThat(IdempotencyKeys.isValid("a\u0000b")).isFalse();
        assertThat(IdempotencyKeys.isValid("a\tb")).isFalse();
        assertThat(IdempotencyKeys.isValid("a\u007Fb")).isFalse();
        assertThat(IdempotencyKeys.isValid("schlüssel")).isFalse();
    }
}
