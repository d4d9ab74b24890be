package io.receivables.invoicing.terms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class PaymentTermsTest {

    @Test
    void netTermsCountDaysFromTheIssueDate() {
        assertThat(new PaymentTerms(PaymentTermsType.NET, 30).dueDate(LocalDate.of(2026, 1, 31)))
                .isEqualTo(LocalDate.of(2026, 3, 2));
        assertThat(new PaymentTerms(PaymentTermsType.NET, 0).dueDate(LocalDate.of(2026, 1, 31)))
                .as("due on receipt").isEqualTo(LocalDate.of(2026, 1, 31));
    }

    @Test
    void endOfMonthTermsCountFromTheLastDayOfTheIssueMonth() {
        assertThat(new PaymentTerms(PaymentTermsType.END_OF_MONTH, 30).dueDate(LocalDate.of(2026, 2, 10)))
                .isEqualTo(LocalDate.of(2026, 3, 30));
        assertThat(new PaymentTerms(PaymentTermsType.END_OF_MONTH, 0).dueDate(LocalDate.of(2028, 2, 1)))
                .as("leap year").isEqualTo(LocalDate.of(2028, 2, 29));
    }

    @Test
    void rejectsTermsOutsideTheAllowedRange() {
        assertThatThrownBy(() -> new PaymentTerms(PaymentTermsType.NET, -1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PaymentTerms(PaymentTermsType.NET, 366))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PaymentTerms(null, 30)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void twoTenNetThirtyGivesADiscountDateAndAmountRoundedToTheCurrency() {
        PaymentTerms terms = new PaymentTerms(PaymentTermsType.NET, 30, 10, new BigDecimal("0.02"));
        LocalDate issued = LocalDate.of(2026, 11, 23);
        assertThat(terms.dueDate(issued)).isEqualTo(LocalDate.of(2026, 12, 23));
        assertThat(terms.discountDate(issued)).contains(LocalDate.of(2026, 12, 3));
        assertThat(terms.discountAmount(new BigDecimal("1428.00"), "EUR")).contains(new BigDecimal("28.56"));
        assertThat(terms.discountAmount(new BigDecimal("1000.25"), "EUR")).as("20.005 rounds half up")
                .contains(new BigDecimal("20.01"));
        assertThat(terms.discountAmount(new BigDecimal("1025"), "JPY")).as("no minor units in JPY")
                .contains(new BigDecimal("21"));
    }

    @Test
    void termsWithoutADiscountHaveNoDiscountDate() {
        PaymentTerms terms = new PaymentTerms(PaymentTermsType.END_OF_MONTH, 15);
        assertThat(terms.discountDate(LocalDate.of(2026, 2, 3))).isEmpty();
        assertThat(terms.discountAmount(BigDecimal.TEN, "EUR")).isEmpty();
    }

    @Test
    void rejectsHalfADiscountOrARateOutsideZeroToOne() {
        assertThatThrownBy(() -> new PaymentTerms(PaymentTermsType.NET, 30, 10, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PaymentTerms(PaymentTermsType.NET, 30, 10, BigDecimal.ONE))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PaymentTerms(PaymentTermsType.NET, 30, 10, BigDecimal.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
