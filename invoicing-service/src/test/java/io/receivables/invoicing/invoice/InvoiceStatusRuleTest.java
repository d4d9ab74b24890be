package io.receivables.invoicing.invoice;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

/** The amount-due rule and the derived status precedence, as pure logic on the entity. */
class InvoiceStatusRuleTest {

    private static final LocalDate DUE = LocalDate.parse("2051-02-09");

    private static Invoice invoice(String total, String paid, String disputed) {
        Invoice invoice = new Invoice();
        invoice.status = InvoiceStatus.ISSUED;
        invoice.currency = "EUR";
        invoice.dueDate = DUE;
        invoice.total = new BigDecimal(total);
        invoice.amountPaid = new BigDecimal(paid);
        invoice.disputedAmount = new BigDecimal(disputed);
        invoice.recomputeAmountDue();
        return invoice;
    }

    @Test
    void amountDueIsTotalLessPaidAndNeverBelowZeroTheRestBeingOverpaid() {
        Invoice partly = invoice("100.00", "40", "0");
        assertThat(partly.amountDue).isEqualByComparingTo("60.00");
        assertThat(partly.amountOverpaid).isEqualByComparingTo("0");

        Invoice over = invoice("100.00", "130.00", "0");
        assertThat(over.amountDue).isEqualByComparingTo("0");
        assertThat(over.amountOverpaid).isEqualByComparingTo("30.00");
        assertThat(over.amountDue.scale()).isEqualTo(2);
    }

    @Test
    void aClosedInvoiceOwesNothingWhateverIsPaidOrGivenBackLater() {
        Invoice writtenOff = invoice("100.00", "40.00", "0");
        writtenOff.status = InvoiceStatus.WRITTEN_OFF;
        writtenOff.amountPaid = new BigDecimal("50.00"); // a recovery after the write-off
        writtenOff.recomputeAmountDue();
        assertThat(writtenOff.amountDue).isEqualByComparingTo("0");
        assertThat(writtenOff.statusOn(DUE.plusDays(30))).isEqualTo(InvoiceStatus.WRITTEN_OFF);
    }

    @Test
    void statusPrecedenceIsPaidThenDisputedThenOverdueThenPartiallyPaidThenIssued() {
        LocalDate onDueDate = DUE;
        LocalDate dayAfter = DUE.plusDays(1);
        assertThat(invoice("100", "0", "0").statusOn(onDueDate)).isEqualTo(InvoiceStatus.ISSUED);
        assertThat(invoice("100", "0", "0").statusOn(dayAfter)).isEqualTo(InvoiceStatus.OVERDUE);
        assertThat(invoice("100", "10", "0").statusOn(onDueDate)).isEqualTo(InvoiceStatus.PARTIALLY_PAID);
        assertThat(invoice("100", "10", "0").statusOn(dayAfter)).isEqualTo(InvoiceStatus.OVERDUE);
        assertThat(invoice("100", "10", "5").statusOn(dayAfter)).isEqualTo(InvoiceStatus.DISPUTED);
        assertThat(invoice("100", "100", "5").statusOn(dayAfter)).isEqualTo(InvoiceStatus.PAID);

        Invoice voided = invoice("100", "0", "0");
        voided.status = InvoiceStatus.VOIDED;
        voided.recomputeAmountDue();
        assertThat(voided.statusOn(dayAfter)).isEqualTo(InvoiceStatus.VOIDED);
    }
}
