package io.receivables.payments.statement;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CreditorReferencesTest {

    @Test
    void iso11649CheckDigits() {
        // the standard's own example
        assertThat(CreditorReferences.isValidRf("RF18539007547034")).isTrue();
        assertThat(CreditorReferences.rf("539007547034")).isEqualTo("RF18539007547034");
        assertThat(CreditorReferences.rf("INV2026000042")).isEqualTo("RF54INV2026000042");
        assertThat(CreditorReferences.isValidRf("RF19539007547034")).isFalse();
        assertThat(CreditorReferences.isValidRf("RF18")).isFalse();
        assertThat(CreditorReferences.isValidRf("RF18-539007547034")).isFalse();
        assertThat(CreditorReferences.isValidRf("RF18" + "1".repeat(22))).as("at most 25 characters").isFalse();
    }

    @Test
    void normalization() {
        assertThat(CreditorReferences.normalize(" rf18 5390 0754 7034 ")).isEqualTo("RF18539007547034");
        assertThat(CreditorReferences.normalize("ab 12")).as("not RF: case kept").isEqualTo("ab12");
        assertThat(CreditorReferences.normalize("   ")).isNull();
        assertThat(CreditorReferences.claimsRf("RF99X")).isTrue();
        assertThat(CreditorReferences.claimsRf("RFX")).isFalse();
    }
}
