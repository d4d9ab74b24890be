package io.receivables.payments.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

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

    /**
     * What invoicing prints on the PDF (groups of four) and puts in the UBL PaymentID and CII PaymentReference (no
     * spaces), for our numbers and for a long imported one (21 characters kept: seven groups), is recognised as the
     * reference payments stores for that invoice (CreditorReference.of its number), in the text and structured.
     */
    @Test
    void theReferenceInvoicingPrintsIsTheOneRecognisedForItsInvoice() {
        for (String number : List.of("INV-2026-000123", "T42-000000007", "ACME/2025/EXPORT-00012345-B")) {
            String stored = CreditorReference.of(number);
            String printed = stored.replaceAll("(.{4})(?!$)", "$1 ");
            assertThat(RemittanceReferences.scan("Rechnung " + printed + " danke", null).creditorReferences())
                    .as(printed).containsExactly(stored);
            assertThat(RemittanceReferences.scan(null, printed).creditorReferences()).as(printed)
                    .containsExactly(stored);
            assertThat(RemittanceReferences.scan(null, stored).creditorReferences()).as(stored)
                    .containsExactly(stored);
        }
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
