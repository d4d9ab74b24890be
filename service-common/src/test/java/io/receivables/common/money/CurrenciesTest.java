package io.receivables.common.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import io.receivables.contracts.CurrencyCodes;

class CurrenciesTest {

    @Test
    void knowsTheMinorUnitOfEachCurrency() {
        assertThat(Currencies.minorUnits("EUR")).isEqualTo(2);
        assertThat(Currencies.minorUnits("JPY")).isZero();
        assertThat(Currencies.minorUnits("KWD")).isEqualTo(3);
    }

    @Test
    void rejectsCodesThatAreNotIssuableCurrencies() {
        assertThat(Currencies.isIssuable("EURO")).isFalse();
        assertThat(Currencies.isIssuable("eur")).isFalse();
        assertThat(Currencies.isIssuable("ABC")).isFalse();
        assertThat(Currencies.isIssuable("XAU")).as("gold has no minor unit").isFalse();
        assertThat(Currencies.isIssuable(null)).isFalse();
        assertThat(Currencies.isIssuable("HRK")).as("withdrawn in 2023: the event schemas refuse it too").isFalse();
        assertThatThrownBy(() -> Currencies.minorUnits("ABC")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void acceptsEveryCurrencyTheEventSchemasAccept() {
        assertThat(CurrencyCodes.all()).allSatisfy(code -> {
            assertThat(Currencies.isIssuable(code)).as(code).isTrue();
            assertThat(Currencies.minorUnits(code)).as(code).isBetween(0, 4);
        });
        assertThat(Currencies.minorUnits("UYW")).as("ISO 4217, unknown to java.util.Currency").isEqualTo(4);
    }

    @Test
    void roundsHalfUpToTheMinorUnit() {
        assertThat(Currencies.round(new BigDecimal("10.005"), "EUR")).isEqualByComparingTo("10.01");
        assertThat(Currencies.round(new BigDecimal("10.004"), "EUR")).isEqualByComparingTo("10.00");
        assertThat(Currencies.round(new BigDecimal("-10.005"), "EUR")).isEqualByComparingTo("-10.01");
        assertThat(Currencies.round(new BigDecimal("99.5"), "JPY")).isEqualByComparingTo("100");
        assertThat(Currencies.round(new BigDecimal("1.0005"), "KWD").toPlainString()).isEqualTo("1.001");
    }

    @Test
    void decimalStringsRefuseExponentsAndLeadingZeros() {
        assertThat(DecimalStrings.isDecimal("120.00")).isTrue();
        assertThat(DecimalStrings.isDecimal("-0.5")).isTrue();
        assertThat(DecimalStrings.isDecimal("1e3")).isFalse();
        assertThat(DecimalStrings.isDecimal("01.5")).isFalse();
        assertThat(DecimalStrings.isDecimal("1.")).isFalse();
        assertThat(DecimalStrings.isDecimal("")).isFalse();
        assertThat(DecimalStrings.format(new BigDecimal("1E+3"))).isEqualTo("1000");
    }
}
