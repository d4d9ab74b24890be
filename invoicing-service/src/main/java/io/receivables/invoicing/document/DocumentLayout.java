package io.receivables.invoicing.document;

import static io.receivables.invoicing.document.PdfCanvas.LEFT;
import static io.receivables.invoicing.document.PdfCanvas.MARGIN;
import static io.receivables.invoicing.document.PdfCanvas.PAGE;
import static io.receivables.invoicing.document.PdfCanvas.RIGHT;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.receivables.contracts.CreditorReference;
import io.receivables.invoicing.document.InvoiceDocument.Party;

/** The parts invoices and statements share: letterhead, address block, key facts, footer. */
final class DocumentLayout {

    static final float BODY = 9;
    /** The distance between lines of body text. */
    static final float LEADING = BODY * 1.3f;
    static final float SMALL = 7.5f;
    static final float FACTS_LABEL_X = 330;
    static final float FACTS_VALUE_X = 430;

    /** A label and its value in the key facts box, e.g. "Invoice number" and "INV-2026-000001". */
    record Fact(String label, String value) {
    }

    private DocumentLayout() {
    }

    /** Seller name and address on the left, the document's title on the right. */
    static void letterhead(PdfCanvas canvas, Party seller, String title) {
        float top = PAGE.getHeight() - MARGIN - 16;
        canvas.text(LEFT, top, canvas.fonts.bold, 16, seller.legalName());
        canvas.textRight(RIGHT, top, canvas.fonts.bold, 18, title);
        canvas.text(LEFT, top - 14, canvas.fonts.regular, SMALL, String.join(" · ", addressOnOneLine(seller)));
        canvas.moveDown(40);
    }

    /** The recipient's address on the left and key facts on the right; the cursor ends below the taller of both. */
    static void addressAndFacts(PdfCanvas canvas, String label, Party recipient, List<Fact> facts) {
        float top = canvas.y() - 20;
        float left = top;
        canvas.text(LEFT, left, canvas.fonts.bold, SMALL, label);
        for (String line : addressBlock(recipient)) {
            left -= BODY * 1.35f;
            canvas.text(LEFT, left, canvas.fonts.regular, BODY + 1, line);
        }
        float right = top;
        for (Fact fact : facts) {
            canvas.text(FACTS_LABEL_X, right, canvas.fonts.bold, BODY, fact.label());
            canvas.text(FACTS_VALUE_X, right, canvas.fonts.regular, BODY, fact.value());
            right -= BODY * 1.45f;
        }
        canvas.moveDown(canvas.y() - Math.min(left, right) + 20);
    }

    /** Seller identity and bank details on the left, "Page n of m" on the right. */
    static void footer(PdfCanvas canvas, String sellerLine, int pageNumber, int pageCount) {
        float baseline = MARGIN - 4;
        // the page number keeps its own column so a long seller line wraps instead of running into it
        for (String line : canvas.wrap(canvas.fonts.regular, SMALL, sellerLine, RIGHT - LEFT - 70)) {
            canvas.text(LEFT, baseline, canvas.fonts.regular, SMALL, line);
            baseline -= SMALL * 1.3f;
        }
        canvas.textRight(RIGHT, MARGIN - 4, canvas.fonts.regular, SMALL,
                "Page " + pageNumber + " of " + pageCount);
    }

    /** A column heading of a table: left-aligned at {@code x}, or right-aligned so that it ends at {@code x}. */
    record Heading(float x, boolean alignRight, String text) {

        static Heading left(float x, String text) {
            return new Heading(x, false, text);
        }

        static Heading right(float x, String text) {
            return new Heading(x, true, text);
        }
    }

    /** The bold headings of a table over a rule; on a new page first if fewer than three lines fit on this one. */
    static void tableHeader(PdfCanvas canvas, List<Heading> headings) {
        canvas.ensureSpace(3 * LEADING);
        canvas.moveDown(LEADING);
        float y = canvas.y();
        for (Heading heading : headings) {
            if (heading.alignRight()) {
                canvas.textRight(heading.x(), y, canvas.fonts.bold, BODY, heading.text());
            } else {
                canvas.text(heading.x(), y, canvas.fonts.bold, BODY, heading.text());
            }
        }
        canvas.moveDown(5);
        canvas.rule(LEFT, RIGHT);
    }

    static List<String> addressBlock(Party party) {
        List<String> lines = new ArrayList<>();
        lines.add(party.legalName());
        lines.addAll(addressOnOneLine(party));
        party.vatId().ifPresent(vat -> lines.add("VAT ID " + vat));
        return lines;
    }

    static String countryName(String code) {
        String name = new Locale.Builder().setRegion(code).build().getDisplayCountry(Locale.ENGLISH);
        return name.isBlank() ? code : name;
    }

    /** "DE89 3704 0044 0532 0130 00": how IBANs are printed, so people can read them out. */
    static String groupedIban(String iban) {
        return groupsOfFour(iban);
    }

    /**
     * A payment reference as printed: an ISO 11649 creditor reference in groups of four ("RF18 5390 0754 7034", its
     * paper form, which payers type more reliably), anything else as it is.
     */
    static String printedReference(String reference) {
        return CreditorReference.parse(reference).map(DocumentLayout::groupsOfFour).orElse(reference);
    }

    private static String groupsOfFour(String text) {
        String compact = text.replace(" ", "");
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < compact.length(); i += 4) {
            if (i > 0) {
                out.append(' ');
            }
            out.append(compact, i, Math.min(i + 4, compact.length()));
        }
        return out.toString();
    }

    /** Common UN/ECE Rec. 20 unit codes as a reader knows them; anything else as its code. */
    static String unitName(String unitCode) {
        return UNIT_NAMES.getOrDefault(unitCode, unitCode);
    }

    private static final Map<String, String> UNIT_NAMES = Map.of("C62", "pc", "H87", "pc", "HUR", "h", "DAY", "day",
            "MON", "month", "ANN", "year", "KGM", "kg", "MTR", "m", "LTR", "l", "E48", "service");

    private static List<String> addressOnOneLine(Party party) {
        List<String> parts = new ArrayList<>(party.addressLines());
        String place = (party.postalCode() + " " + party.city()).strip();
        if (!place.isEmpty()) {
            parts.add(place);
        }
        if (!party.countryCode().isEmpty()) {
            parts.add(countryName(party.countryCode()));
        }
        return parts;
    }
}
