package io.receivables.invoicing.document;

import static io.receivables.invoicing.document.DocumentLayout.BODY;
import static io.receivables.invoicing.document.DocumentLayout.LEADING;
import static io.receivables.invoicing.document.PdfCanvas.LEFT;
import static io.receivables.invoicing.document.PdfCanvas.RIGHT;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;

import io.receivables.invoicing.document.DocumentLayout.Fact;
import io.receivables.invoicing.document.DocumentLayout.Heading;
import io.receivables.invoicing.document.InvoiceDocument.Line;
import io.receivables.invoicing.document.VatBreakdown.Subtotal;

/**
 * Renders an invoice or credit note as the PDF a customer receives. Stateless and thread safe: every call builds its
 * own document.
 */
public class InvoicePdfRenderer {

    private static final float ROW_GAP = 1.5f;
    private static final float TOTALS_LABEL_X = 330;

    // Lines table: left edges of the left-aligned columns, right edges of the numeric ones
    private static final float POSITION_X = LEFT;
    private static final float DESCRIPTION_X = LEFT + 24;
    private static final float DESCRIPTION_WIDTH = 205;
    private static final float QUANTITY_RIGHT = 320;
    private static final float UNIT_X = 326;
    private static final float UNIT_PRICE_RIGHT = 420;
    private static final float VAT_RIGHT = 460;
    private static final float NET_RIGHT = RIGHT;

    public byte[] render(InvoiceDocument invoice) {
        return render(invoice, false, document -> {
        });
    }

    /**
     * The same PDF, every font embedded when {@code embedAllFonts}, and {@code completion} applied to the finished
     * document before it is saved: how {@link FacturXWriter} makes it a PDF/A-3 carrying its XML.
     */
    byte[] render(InvoiceDocument invoice, boolean embedAllFonts, Consumer<PDDocument> completion) {
        try (PdfCanvas canvas = new PdfCanvas(embedAllFonts)) {
            DocumentLayout.letterhead(canvas, invoice.seller(), title(invoice));
            DocumentLayout.addressAndFacts(canvas, "BILL TO", invoice.buyer(), facts(invoice));
            lines(canvas, invoice);
            totals(canvas, invoice);
            payment(canvas, invoice);
            notes(canvas, invoice);
            return canvas.finish((page, number, count) -> DocumentLayout.footer(page, sellerLine(invoice), number,
                    count), completion);
        }
    }

    private static String title(InvoiceDocument invoice) {
        return invoice.kind() == DocumentKind.CREDIT_NOTE ? "CREDIT NOTE" : "INVOICE";
    }

    private static List<Fact> facts(InvoiceDocument invoice) {
        boolean creditNote = invoice.kind() == DocumentKind.CREDIT_NOTE;
        List<Fact> facts = new ArrayList<>();
        facts.add(new Fact(creditNote ? "Credit note no." : "Invoice no.", invoice.number()));
        facts.add(new Fact("Issue date", Amounts.date(invoice.issueDate())));
        if (!creditNote) {
            facts.add(new Fact("Due date", Amounts.date(invoice.dueDate())));
        }
        invoice.correctedInvoice().ifPresent(corrected -> facts.add(new Fact("Corrects invoice",
                corrected.number() + " of " + Amounts.date(corrected.issueDate()))));
        invoice.purchaseOrderNumber().ifPresent(po -> facts.add(new Fact("Your PO no.", po)));
        invoice.billingPeriod().ifPresent(period -> facts.add(new Fact("Billing period",
                Amounts.date(period.start()) + " – " + Amounts.date(period.end()))));
        facts.add(new Fact("Currency", invoice.currency()));
        return facts;
    }

    private static void lines(PdfCanvas canvas, InvoiceDocument invoice) {
        canvas.onNewPage(page -> {
            page.line(page.fonts.bold, BODY, title(invoice) + " " + invoice.number() + " (continued)");
            page.moveDown(6);
            tableHeader(page);
        });
        tableHeader(canvas);
        for (Line line : invoice.lines()) {
            row(canvas, invoice, line);
        }
        canvas.moveDown(4);
        canvas.rule(LEFT, RIGHT);
        // the totals and everything after them are not a continuation of the table
        canvas.onNewPage(page -> page.line(page.fonts.bold, BODY,
                title(invoice) + " " + invoice.number() + " (continued)"));
    }

    private static final List<Heading> LINE_HEADINGS = List.of(Heading.left(POSITION_X, "#"),
            Heading.left(DESCRIPTION_X, "Description"), Heading.right(QUANTITY_RIGHT, "Qty"),
            Heading.left(UNIT_X, "Unit"), Heading.right(UNIT_PRICE_RIGHT, "Unit price"), Heading.right(VAT_RIGHT, "VAT"),
            Heading.right(NET_RIGHT, "Net amount"));

    private static void tableHeader(PdfCanvas canvas) {
        DocumentLayout.tableHeader(canvas, LINE_HEADINGS);
        canvas.moveDown(2);
    }

    private static void row(PdfCanvas canvas, InvoiceDocument invoice, Line line) {
        PDFont font = canvas.fonts.regular;
        List<String> description = canvas.wrap(font, BODY, line.description(), DESCRIPTION_WIDTH);
        // keep a row on one page unless it is longer than a page could hold
        canvas.ensureSpace(Math.min(description.size() * LEADING + ROW_GAP, 400));
        canvas.moveDown(LEADING);
        float y = canvas.y();
        canvas.text(POSITION_X, y, font, BODY, String.valueOf(line.lineNumber()));
        canvas.textRight(QUANTITY_RIGHT, y, font, BODY, Amounts.quantity(line.quantity()));
        canvas.text(UNIT_X, y, font, BODY, DocumentLayout.unitName(line.unitCode()));
        canvas.textRight(UNIT_PRICE_RIGHT, y, font, BODY, Amounts.unitPrice(line.unitPrice(), invoice.currency()));
        canvas.textRight(VAT_RIGHT, y, font, BODY, Amounts.percent(line.taxRate()));
        canvas.textRight(NET_RIGHT, y, font, BODY, Amounts.money(line.netAmount(), invoice.currency()));
        canvas.text(DESCRIPTION_X, y, font, BODY, description.get(0));
        for (String more : description.subList(1, description.size())) {
            canvas.ensureSpace(LEADING);
            canvas.moveDown(LEADING);
            canvas.text(DESCRIPTION_X, canvas.y(), font, BODY, more);
        }
        canvas.moveDown(ROW_GAP);
    }

    private static void totals(PdfCanvas canvas, InvoiceDocument invoice) {
        String currency = invoice.currency();
        List<Subtotal> vat = VatBreakdown.of(invoice.lines());
        canvas.ensureSpace((vat.size() + 6) * LEADING + 10);
        canvas.moveDown(6);
        total(canvas, canvas.fonts.regular, "Subtotal (net)", Amounts.money(invoice.totals().subtotal(), currency));
        for (Subtotal subtotal : vat) {
            total(canvas, canvas.fonts.regular, vatLabel(subtotal, currency),
                    Amounts.money(subtotal.taxAmount(), currency));
        }
        total(canvas, canvas.fonts.bold, "Total", Amounts.money(invoice.totals().total(), currency));
        if (invoice.totals().amountPaid().signum() != 0) {
            total(canvas, canvas.fonts.regular, "Already paid",
                    Amounts.money(invoice.totals().amountPaid().negate(), currency));
        }
        canvas.moveDown(4);
        canvas.rule(TOTALS_LABEL_X, RIGHT);
        total(canvas, canvas.fonts.bold,
                invoice.kind() == DocumentKind.CREDIT_NOTE ? "Amount credited" : "Amount due",
                Amounts.money(invoice.totals().amountDue(), currency));
        canvas.moveDown(10);
    }

    private static String vatLabel(Subtotal subtotal, String currency) {
        String base = " on " + Amounts.money(subtotal.taxableAmount(), currency);
        return switch (subtotal.category()) {
            case EXEMPT -> "VAT exempt" + base;
            case REVERSE_CHARGE -> "Reverse charge" + base;
            default -> "VAT " + Amounts.percent(subtotal.rate()) + base;
        };
    }

    private static void total(PdfCanvas canvas, PDFont font, String label, String amount) {
        canvas.moveDown(LEADING + 1);
        canvas.text(TOTALS_LABEL_X, canvas.y(), font, BODY, label);
        canvas.textRight(RIGHT, canvas.y(), font, BODY, amount);
    }

    private static void payment(PdfCanvas canvas, InvoiceDocument invoice) {
        InvoiceDocument.PaymentInstructions payment = invoice.payment();
        String currency = invoice.currency();
        String account = "IBAN " + DocumentLayout.groupedIban(payment.iban())
                + payment.bic().map(bic -> ", BIC " + bic).orElse("");
        List<String> paragraphs = new ArrayList<>();
        if (invoice.kind() == DocumentKind.CREDIT_NOTE) {
            invoice.correctedInvoice().ifPresent(corrected -> paragraphs.add("This credit note corrects invoice "
                    + corrected.number() + " of " + Amounts.date(corrected.issueDate()) + ". "
                    + Amounts.money(invoice.totals().amountDue(), currency)
                    + " will be refunded or set off against open invoices."));
            paragraphs.add("Reference: " + payment.reference());
        } else {
            paragraphs.add("Please transfer " + Amounts.money(invoice.totals().amountDue(), currency) + " by "
                    + Amounts.date(invoice.dueDate()) + " to " + invoice.seller().legalName() + ", " + account
                    + ", quoting the payment reference " + DocumentLayout.printedReference(payment.reference()) + ".");
            invoice.earlyPaymentDiscount().ifPresent(discount -> paragraphs.add("Early payment discount: if paid by "
                    + Amounts.date(discount.payBy()) + ", you may deduct " + Amounts.money(discount.amount(), currency)
                    + " and pay " + Amounts.money(invoice.totals().amountDue().subtract(discount.amount()), currency)
                    + "."));
        }
        payment.note().ifPresent(paragraphs::add);
        section(canvas, invoice.kind() == DocumentKind.CREDIT_NOTE ? "Refund" : "Payment", paragraphs);
    }

    private static void notes(PdfCanvas canvas, InvoiceDocument invoice) {
        invoice.notes().filter(notes -> !notes.isBlank())
                .ifPresent(notes -> section(canvas, "Notes", List.of(notes.split("\\R"))));
    }

    private static void section(PdfCanvas canvas, String heading, List<String> paragraphs) {
        canvas.ensureSpace(3 * LEADING);
        canvas.moveDown(6);
        canvas.line(canvas.fonts.bold, BODY + 1, heading);
        for (String paragraph : paragraphs) {
            for (String line : canvas.wrap(canvas.fonts.regular, BODY, paragraph, RIGHT - LEFT)) {
                canvas.line(canvas.fonts.regular, BODY, line);
            }
        }
    }

    private static String sellerLine(InvoiceDocument invoice) {
        StringBuilder line = new StringBuilder(invoice.seller().legalName());
        invoice.seller().vatId().ifPresent(vat -> line.append(" · VAT ID ").append(vat));
        invoice.seller().email().ifPresent(email -> line.append(" · ").append(email));
        invoice.seller().phone().ifPresent(phone -> line.append(" · ").append(phone));
        line.append(" · IBAN ").append(DocumentLayout.groupedIban(invoice.payment().iban()));
        invoice.payment().bic().ifPresent(bic -> line.append(" · BIC ").append(bic));
        return line.toString();
    }

}
