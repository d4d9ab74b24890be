package io.receivables.invoicing.document;

import java.util.ArrayList;
import java.util.List;

/**
 * The payment terms (BT-20) as e-invoices state them, in UBL and CII alike. The early-payment discount is said in words
 * rather than as an allowance: the amount due does not change until the buyer takes it.
 */
final class PaymentTermsText {

    private PaymentTermsText() {
    }

    static String of(InvoiceDocument invoice) {
        String currency = invoice.currency();
        if (invoice.kind() == DocumentKind.CREDIT_NOTE) {
            return "Credit for invoice " + invoice.correctedInvoice().orElseThrow().number()
                    + ": refunded or set off against open invoices. Reference " + invoice.payment().reference() + ".";
        }
        List<String> sentences = new ArrayList<>();
        sentences.add("Payable by " + invoice.dueDate() + " without deduction, quoting "
                + invoice.payment().reference() + ".");
        invoice.earlyPaymentDiscount().ifPresent(discount -> sentences.add("Early payment discount: "
                + amount(invoice, discount.amount()) + " " + currency + " if paid by " + discount.payBy()
                + ", i.e. pay " + amount(invoice, invoice.totals().amountDue().subtract(discount.amount())) + " "
                + currency + "."));
        invoice.payment().note().ifPresent(sentences::add);
        return String.join(" ", sentences);
    }

    private static String amount(InvoiceDocument invoice, java.math.BigDecimal amount) {
        return Amounts.scaled(amount, invoice.currency()).toPlainString();
    }
}
