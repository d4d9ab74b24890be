package io.receivables.invoicing.document;

import static io.receivables.invoicing.document.DocumentLayout.BODY;
import static io.receivables.invoicing.document.DocumentLayout.LEADING;
import static io.receivables.invoicing.document.PdfCanvas.LEFT;
import static io.receivables.invoicing.document.PdfCanvas.RIGHT;

import java.math.BigDecimal;
import java.util.List;

import org.apache.pdfbox.pdmodel.font.PDFont;

import io.receivables.invoicing.document.DocumentLayout.Fact;
import io.receivables.invoicing.document.DocumentLayout.Heading;
import io.receivables.invoicing.document.StatementDocument.Aging;
import io.receivables.invoicing.document.StatementDocument.Row;

/** Renders a customer's statement of account as PDF. Stateless and thread safe. */
public class StatementPdfRenderer {

    private static final float NUMBER_X = LEFT + 58;
    private static final float KIND_X = LEFT + 150;
    private static final float DUE_X = LEFT + 205;
    private static final float AMOUNT_RIGHT = 385;
    private static final float OPEN_RIGHT = 470;
    private static final float OVERDUE_RIGHT = RIGHT;

    public byte[] render(StatementDocument statement) {
        try (PdfCanvas canvas = new PdfCanvas()) {
            DocumentLayout.letterhead(canvas, statement.seller(), "STATEMENT");
            DocumentLayout.addressAndFacts(canvas, "CUSTOMER", statement.customer(), List.of(
                    new Fact("Statement date", Amounts.date(statement.asOf())),
                    new Fact("Currency", statement.currency()),
                    new Fact("Balance", Amounts.money(statement.balance(), statement.currency()))));
            rows(canvas, statement);
            balance(canvas, statement);
            aging(canvas, statement);
            String sellerLine = statement.seller().legalName()
                    + statement.seller().vatId().map(vat -> " · VAT ID " + vat).orElse("")
                    + statement.seller().email().map(email -> " · " + email).orElse("");
            return canvas.finish((page, number, count) -> DocumentLayout.footer(page, sellerLine, number, count));
        }
    }

    private static void rows(PdfCanvas canvas, StatementDocument statement) {
        canvas.onNewPage(page -> {
            page.line(page.fonts.bold, BODY, "Statement as of " + Amounts.date(statement.asOf()) + " (continued)");
            header(page);
        });
        header(canvas);
        if (statement.rows().isEmpty()) {
            canvas.line(canvas.fonts.regular, BODY, "No open items.");
        }
        for (Row row : statement.rows()) {
            canvas.ensureSpace(LEADING + 2);
            canvas.moveDown(LEADING);
            PDFont font = canvas.fonts.regular;
            float y = canvas.y();
            canvas.text(LEFT, y, font, BODY, Amounts.date(row.date()));
            canvas.text(NUMBER_X, y, font, BODY, row.documentNumber());
            canvas.text(KIND_X, y, font, BODY, kindName(row.kind()));
            canvas.text(DUE_X, y, font, BODY, row.kind() == StatementDocument.RowKind.PAYMENT ? ""
                    : Amounts.date(row.dueDate()));
            canvas.textRight(AMOUNT_RIGHT, y, font, BODY, Amounts.money(row.amount(), statement.currency()));
            canvas.textRight(OPEN_RIGHT, y, font, BODY, Amounts.money(row.openAmount(), statement.currency()));
            canvas.textRight(OVERDUE_RIGHT, y, font, BODY, row.daysOverdue() == 0 ? ""
                    : String.valueOf(
                            row.daysOverdue()));
        }
        canvas.moveDown(5);
        canvas.rule(LEFT, RIGHT);
        canvas.onNewPage(page -> page.line(page.fonts.bold, BODY,
                "Statement as of " + Amounts.date(statement.asOf()) + " (continued)"));
    }

    private static final List<Heading> ROW_HEADINGS = List.of(Heading.left(LEFT, "Date"),
            Heading.left(NUMBER_X, "Document"), Heading.left(KIND_X, "Type"), Heading.left(DUE_X, "Due date"),
            Heading.right(AMOUNT_RIGHT, "Amount"), Heading.right(OPEN_RIGHT, "Open"),
            Heading.right(OVERDUE_RIGHT, "Days overdue"));

    private static void header(PdfCanvas canvas) {
        DocumentLayout.tableHeader(canvas, ROW_HEADINGS);
    }

    private static String kindName(StatementDocument.RowKind kind) {
        return switch (kind) {
            case INVOICE -> "Invoice";
            case CREDIT_NOTE -> "Credit note";
            case PAYMENT -> "Payment";
        };
    }

    private static void balance(PdfCanvas canvas, StatementDocument statement) {
        canvas.ensureSpace(3 * LEADING);
        canvas.moveDown(LEADING + 4);
        canvas.text(330, canvas.y(), canvas.fonts.bold, BODY + 1, "Balance");
        canvas.textRight(RIGHT, canvas.y(), canvas.fonts.bold, BODY + 1,
                Amounts.money(statement.balance(), statement.currency()));
        canvas.moveDown(10);
    }

    private static void aging(PdfCanvas canvas, StatementDocument statement) {
        Aging aging = statement.aging();
        String currency = statement.currency();
        List<Fact> buckets = List.of(
                new Fact("Current", Amounts.money(aging.current(), currency)),
                new Fact("1-30 days", Amounts.money(aging.days1To30(), currency)),
                new Fact("31-60 days", Amounts.money(aging.days31To60(), currency)),
                new Fact("61-90 days", Amounts.money(aging.days61To90(), currency)),
                new Fact("Over 90 days", Amounts.money(aging.over90Days(), currency)));
        canvas.ensureSpace(4 * LEADING);
        canvas.line(canvas.fonts.bold, BODY + 1, "Aging of open amounts");
        canvas.moveDown(LEADING + 2);
        float columnWidth = (RIGHT - LEFT) / buckets.size();
        for (int i = 0; i < buckets.size(); i++) {
            float right = LEFT + (i + 1) * columnWidth - 6;
            canvas.textRight(right, canvas.y(), canvas.fonts.bold, BODY, buckets.get(i).label());
            canvas.textRight(right, canvas.y() - LEADING, canvas.fonts.regular, BODY, buckets.get(i).value());
        }
        canvas.moveDown(LEADING);
        BigDecimal overdue = aging.total().subtract(aging.current());
        if (overdue.signum() > 0) {
            canvas.moveDown(8);
            canvas.line(canvas.fonts.regular, BODY, "Overdue: " + Amounts.money(overdue, currency)
                    + ". Please pay the overdue amounts now, or contact us if you believe any of them is not due.");
        }
    }
}
