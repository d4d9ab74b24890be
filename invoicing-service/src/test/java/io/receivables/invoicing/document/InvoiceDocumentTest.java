package io.receivables.invoicing.document;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.receivables.invoicing.document.InvoiceDocument.Line;
import io.receivables.invoicing.document.InvoiceDocument.Totals;

class InvoiceDocumentTest {

    @Test
    void rejectsTotalsThatDoNotAddUpToTheLines() {
        InvoiceDocument valid = Invoices.invoice(Invoices.mixedRateLines());
        Totals t = valid.totals();
        Totals offByACent = new Totals(t.subtotal().add(new BigDecimal("0.01")), t.taxTotal(),
                t.total().add(new BigDecimal("0.01")), t.amountPaid(), t.amountDue().add(new BigDecimal("0.01")));

        assertThatThrownBy(() -> new InvoiceDocument(valid.kind(), valid.number(), valid.issueDate(),
                valid.dueDate(), valid.billingPeriod(), valid.currency(), valid.purchaseOrderNumber(), valid.notes(),
                valid.payment(), valid.earlyPaymentDiscount(), valid.seller(), valid.buyer(), valid.lines(), offByACent,
                valid.correctedInvoice())).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("subtotal");
    }

    @Test
    void rejectsACreditNoteThatDoesNotNameTheCorrectedInvoice() {
        InvoiceDocument note = Invoices.creditNote();

        assertThatThrownBy(() -> new InvoiceDocument(note.kind(), note.number(), note.issueDate(), note.dueDate(),
                note.billingPeriod(), note.currency(), note.purchaseOrderNumber(), note.notes(), note.payment(),
                note.earlyPaymentDiscount(), note.seller(), note.buyer(), note.lines(), note.totals(),
                Optional.empty())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsAnExemptionReasonOnATaxedLine() {
        assertThatThrownBy(() -> new Line(1, "Taxed", BigDecimal.ONE, "C62", BigDecimal.TEN, new BigDecimal("0.19"),
                BigDecimal.TEN, new BigDecimal("1.90"), Optional.of(TaxExemption.exempt("exempt")))).isInstanceOf(
                        IllegalArgumentException.class);
    }

    @Test
    void rejectsACurrencyDocumentsCannotBeIssuedIn() {
        List<Line> lines = Invoices.mixedRateLines();
        assertThatThrownBy(() -> Invoices.invoice("XAU", lines, BigDecimal.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
