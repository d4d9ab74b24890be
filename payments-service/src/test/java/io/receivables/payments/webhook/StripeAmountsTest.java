package io.receivables.payments.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class StripeAmountsTest {

    @Test
    void minorUnitsByStripesExponent() {
        assertThat(StripeAmounts.toAmount(1999, "USD")).hasToString("19.99");
        assertThat(StripeAmounts.toAmount(500, "JPY")).hasToString("500");
        assertThat(StripeAmounts.toAmount(5120, "KWD")).hasToString("5.120");
        assertThat(StripeAmounts.toAmount(0, "EUR")).hasToString("0.00");
        // zero-decimal in Stripe, two minor units in ISO 4217: whole ariary, written with ISO's scale
        assertThat(StripeAmounts.toAmount(5000, "MGA")).hasToString("5000.00");
        // ISK: Stripe keeps two decimals for backwards compatibility, ISO has none
        assertThat(StripeAmounts.toAmount(500, "ISK")).hasToString("5");
        assertThat(StripeAmounts.toAmount(100, "HUF")).hasToString("1.00");
    }

    @Test
    void whatTheIsoMinorUnitCannotHoldIsRefusedNotRounded() {
        assertThatThrownBy(() -> StripeAmounts.toAmount(550, "ISK"))
                .hasMessage("550 in Stripe's units of ISK is 5.50, more decimals than ISK's 0");
        assertThatThrownBy(() -> StripeAmounts.toAmount(-1, "EUR")).hasMessage("must not be negative");
        assertThatThrownBy(() -> StripeAmounts.toAmount(1, "XXX")).hasMessageContaining("not an ISO 4217 currency");
    }
}
