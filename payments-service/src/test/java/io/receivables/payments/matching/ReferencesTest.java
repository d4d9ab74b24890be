package io.receivables.payments.matching;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.receivables.contracts.CreditorReference;
import io.receivables.payments.payment.Iban;

class ReferencesTest {

    @Test
    void creditorReferencesCarryIso11649CheckDigits() {
        // the example of ISO 11649 itself
        assertThat(CreditorReference.parse("RF18 5390 0754 7034")).contains("RF18539007547034");
        assertThat(CreditorReference.parse("RF18 5390 0754 7035")).as("mistyped").isEmpty();
        String reference = CreditorReference.of("INV-2026-000123");
        assertThat(reference).startsWith("RF").endsWith("INV2026000123");
        assertThat(CreditorReference.parse(reference.toLowerCase())).contains(reference);
    }

    @Test
    void remittanceKeysJoinAdjacentWords() {
        RemittanceReferences scanned = RemittanceReferences.scan("Pay: inv 2026-000123, RF18 5390 0754 7034", null);
        assertThat(scanned.keys()).contains("INV2026000123", "2026000123");
        assertThat(scanned.creditorReferences()).containsExactly("RF18539007547034");
        assertThat(scanned.position("INV2026000123")).isLessThan(scanned.position("RF18539007547034"));
    }

    @Test
    void ibansAreCheckedByCountryLengthAndCheckDigits() {
        assertThat(Iban.problem("DE89 3704 0044 0532 0130 00")).isNull();
        assertThat(Iban.normalize("de89 3704 0044 0532 0130 00")).contains("DE89370400440532013000");
        assertThat(Iban.problem("DE89 3704 0044 0532 0130 01")).contains("check digits");
        assertThat(Iban.problem("DE89 3704 0044 0532 0130")).contains("22 characters");
        assertThat(Iban.problem("not an iban")).contains("must be an IBAN");
    }
}
