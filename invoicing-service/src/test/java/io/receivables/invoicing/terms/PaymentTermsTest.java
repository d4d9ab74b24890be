package io.receivables.invoicing.terms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
}
