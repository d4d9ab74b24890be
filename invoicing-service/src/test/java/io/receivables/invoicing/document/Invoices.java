package io.receivables.invoicing.document;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.receivables.invoicing.document.InvoiceDocument.EarlyPaymentDiscount;
import io.receivables.invoicing.document.InvoiceDocument.InvoiceReference;
import io.receivables.invoicing.document.InvoiceDocument.Line;
import io.receivables.invoicing.document.InvoiceDocument.Party;
import io.receivables.invoicing.document.InvoiceDocument.PaymentInstructions;
import io.receivables.invoicing.document.InvoiceDocument.Period;
import io.receivables.invoicing.document.InvoiceDocument.Totals;

/** Test documents whose amounts are computed here, the way a ledger would, from quantities, prices and rates. */
final class Invoices {

    static final Party SELLER = new Party("Receivables Demo GmbH", Optional.of("DE123456788"),
            List.of("Musterstraße 1"), "Berlin", "10115", "DE", Optional.of("billing@receivables-demo.example"))
            .withContact("Accounts Receivable", "+49 30 12345678");
    static final Party BUYER = new Party("Kunde & Söhne KG", Optional.of("DE811569869"),
            List.of("Hafenweg 12", "Gebäude B"), "Hamburg", "20457", "DE", Optional.of("ap@kunde.example"));
    static final PaymentInstructions PAYMENT = new PaymentInstructions(PaymentInstructions.SEPA_CREDIT_TRANSFER,
            "DE89370400440532013000", Optional.of("COBADEFFXXX"), "RF18 INV 2026 0042");

    private Invoices() {
    }

    /** A line priced from quantity, unit price and rate, rounded half up to the currency's minor units. */
    static Line line(int number, String description, String quantity, String unitPrice, String rate, int scale) {
        BigDecimal net = new BigDecimal(quantity).multiply(new BigDecimal(unitPrice)).setScale(scale,
                RoundingMode.HALF_UP);
        BigDecimal tax = net.multiply(new BigDecimal(rate)).setScale(scale, RoundingMode.HALF_UP);
        return new Line(number, description, new BigDecimal(quantity), new BigDecimal(unitPrice),
                new BigDecimal(rate), net, tax);
    }

    static Line exemptLine(int number, String description, String quantity, String unitPrice, String reason) {
        BigDecimal net = new BigDecimal(quantity).multiply(new BigDecimal(unitPrice)).setScale(2,
                RoundingMode.HALF_UP);
        return new Line(number, description, new BigDecimal(quantity), "HUR", new BigDecimal(unitPrice),
                BigDecimal.ZERO, net, BigDecimal.ZERO.setScale(2), Optional.of(TaxExemption.exempt(reason)));
    }

    /** A reverse-charge line (category AE): zero-rated, the buyer accounts for the VAT. */
    static Line reverseChargeLine(int number, String description, String quantity, String unitPrice) {
        BigDecimal net = new BigDecimal(quantity).multiply(new BigDecimal(unitPrice)).setScale(2,
                RoundingMode.HALF_UP);
        return new Line(number, description, new BigDecimal(quantity), Line.UNIT_PIECE, new BigDecimal(unitPrice),
                BigDecimal.ZERO, net, BigDecimal.ZERO.setScale(2), Optional.of(TaxExemption.reverseCharge()));
    }

    /** Three lines at 19 %, 7 % and 19 %, in EUR. */
    static List<Line> mixedRateLines() {
        return List.of(
                line(1, "Accounts receivable platform, monthly subscription", "1", "499.00", "0.19", 2),
                line(2, "Dunning letters printed and posted", "137", "0.835", "0.07", 2),
                line(3, "Onboarding workshop (hours)", "3.5", "120.00", "0.19", 2));
    }

    static Totals totals(List<Line> lines, BigDecimal paid) {
        BigDecimal net = lines.stream().map(Line::netAmount).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal tax = lines.stream().map(Line::taxAmount).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal total = net.add(tax);
        return new Totals(net, tax, total, paid, total.subtract(paid));
    }

    static InvoiceDocument invoice(List<Line> lines) {
        return invoice("EUR", lines, new BigDecimal("100.00"));
    }

    static InvoiceDocument invoice(String currency, List<Line> lines, BigDecimal paid) {
        return new InvoiceDocument(DocumentKind.INVOICE, "INV-2026-000042", LocalDate.of(2026, 3, 31),
                LocalDate.of(2026, 4, 30), Optional.of(new Period(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31))),
                currency, Optional.of("PO-4711"), Optional.of("Thank you for your business."), PAYMENT,
                Optional.of(new EarlyPaymentDiscount(LocalDate.of(2026, 4, 10), new BigDecimal("12.34"))), SELLER,
                BUYER, lines, totals(lines, paid), Optional.empty());
    }

    static InvoiceDocument creditNote() {
        List<Line> lines = List.of(line(1, "Credit for 2 unused seats, March 2026", "2", "49.90", "0.19", 2));
        return new InvoiceDocument(DocumentKind.CREDIT_NOTE, "CN-2026-000007", LocalDate.of(2026, 4, 5),
                LocalDate.of(2026, 4, 5), Optional.empty(), "EUR", Optional.of("PO-4711"), Optional.empty(),
                PAYMENT, Optional.empty(), SELLER, BUYER, lines, totals(lines, BigDecimal.ZERO),
                Optional.of(new InvoiceReference("INV-2026-000042", LocalDate.of(2026, 3, 31))));
    }

    /** {@code count} lines with distinct descriptions, some long enough to wrap. */
    static List<Line> manyLines(int count) {
        List<Line> lines = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            String description = i % 10 == 0
                    ? "Item " + i + " consulting on collections strategy, dunning levels, dispute handling and"
                            + " cash application rules for the group's subsidiaries"
                    : "Item " + i + " licence seat";
            lines.add(line(i, description, String.valueOf(i), "9.99", i % 3 == 0 ? "0.07" : "0.19", 2));
        }
        return lines;
    }
}
