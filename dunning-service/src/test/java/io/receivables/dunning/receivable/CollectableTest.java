package io.receivables.dunning.receivable;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

/** The rules of what may be asked for and of do-not-dun, as pure logic. */
class CollectableTest {

    @Test
    void collectableIsOpenLessDisputedNeverBelowZero() {
        assertThat(Collectable.amount(new BigDecimal("1000.00"), new BigDecimal("200.00")))
                .isEqualByComparingTo("800.00");
        assertThat(Collectable.amount(new BigDecimal("150.00"), new BigDecimal("200.00"))).isEqualByComparingTo("0");
        assertThat(Collectable.amount(new BigDecimal("150.00"), BigDecimal.ZERO)).isEqualByComparingTo("150.00");
    }

    @Test
    void doNotDunHoldsThroughItsEndDateAndWithoutOneUntilLifted() {
        DunningCustomer customer = new DunningCustomer();
        assertThat(customer.doNotDunOn(LocalDate.of(2026, 12, 1))).as("none set").isFalse();
        customer.doNotDunReason = "insolvency";
        assertThat(customer.doNotDunOn(LocalDate.of(2099, 1, 1))).as("no end date").isTrue();
        customer.doNotDunUntil = LocalDate.of(2026, 12, 31);
        assertThat(customer.doNotDunOn(LocalDate.of(2026, 12, 31))).as("its end date is inclusive").isTrue();
        assertThat(customer.doNotDunOn(LocalDate.of(2027, 1, 1))).isFalse();
    }
}
