package io.receivables.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class CurrencyCodesTest {

    @ParameterizedTest
    @ValueSource(strings = { "EUR", "USD", "GBP", "JPY", "CHF", "SEK", "XOF", "XAF", "XCD", "XCG", "ZWG", "SLE", "VES" })
    void activeCurrencyIsAccepted(String code) {
        assertThat(CurrencyCodes.isAccepted(code)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = { "EURO", "eur", "Eur", "XYZ", "EU", " EUR",
            // withdrawn
            "HRK", "BGN", "ANG", "CUC", "SLL", "ZWL", "DEM",
            // ISO 4217 codes that are not money an invoice can be issued in
            "XXX", "XTS", "XAU", "XDR" })
    void codeThatIsNotAnActiveInvoiceCurrencyIsRejected(String code) {
        assertThat(CurrencyCodes.isAccepted(code)).isFalse();
    }

    @ParameterizedTest
    @NullAndEmptySource
    void missingCodeIsRejected(String code) {
        assertThat(CurrencyCodes.isAccepted(code)).isFalse();
    }

    @Test
    void listIsThreeUpperCaseLettersEach() {
        assertThat(CurrencyCodes.all()).hasSizeGreaterThan(150).allMatch(code -> code.matches("[A-Z]{3}"));
    }
}
