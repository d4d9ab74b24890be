package io.receivables.invoicing.document;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * The two fonts of a document, and text made safe to show with them.
 * <p>
 * Body text uses Liberation Sans, the TrueType font PDFBox itself ships: embedded (subset), it covers Latin, Greek and
 * Cyrillic, so customer names like "Zoë" or "Łódź" print as written. Headings use Helvetica Bold, which is metric
 * compatible. A character neither can draw (e.g. CJK) becomes "?" rather than failing the whole document: a customer
 * still gets an invoice with every amount on it.
 */
final class PdfFonts {

    static final String REPLACEMENT = "?";
    private static final String LIBERATION_SANS = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";

    final PDFont regular;
    final PDFont bold;
    /**
     * Whether {@link #bold} is the regular font drawn thicker (outlined as well as filled) because no bold font can be
     * embedded: PDF/A requires every font embedded, and PDFBox ships no bold TrueType font.
     */
    final boolean syntheticBold;
    private final Map<PDFont, Map<Integer, Boolean>> drawable = new HashMap<>();

    private PdfFonts(PDFont regular, PDFont bold, boolean syntheticBold) {
        this.regular = regular;
        this.bold = bold;
        this.syntheticBold = syntheticBold;
    }

    /** Liberation Sans embedded, Helvetica Bold (one of the 14 fonts every reader has) for headings. */
    static PdfFonts load(PDDocument document) {
        return new PdfFonts(liberationSans(document), new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD), false);
    }

    /**
     * Every font embedded, as PDF/A requires: Liberation Sans, its headings drawn in synthetic bold from a second
     * embedded instance of it.
     */
    static PdfFonts loadEmbedded(PDDocument document) {
        return new PdfFonts(liberationSans(document), liberationSans(document), true);
    }

    private static PDFont liberationSans(PDDocument document) {
        try (InputStream ttf = PDDocument.class.getResourceAsStream(LIBERATION_SANS)) {
            if (ttf == null) {
                throw new IllegalStateException("PDFBox no longer ships " + LIBERATION_SANS);
            }
            return PDType0Font.load(document, ttf);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The text with every character the font cannot draw replaced, and line breaks and tabs as spaces. */
    String printable(PDFont font, String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            if (Character.isWhitespace(cp)) {
                out.append(' ');
            } else if (Character.isISOControl(cp) || !canDraw(font, cp)) {
                out.append(REPLACEMENT);
            } else {
                out.appendCodePoint(cp);
            }
        });
        return out.toString();
    }

    /** Width in points of already printable text. */
    static float width(PDFont font, float size, String printable) {
        try {
            return font.getStringWidth(printable) / 1000f * size;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private boolean canDraw(PDFont font, int codePoint) {
        return drawable.computeIfAbsent(font, f -> new HashMap<>()).computeIfAbsent(codePoint, cp -> {
            try {
                // encode throws for a character without a glyph (TrueType) or outside the encoding (WinAnsi)
                font.encode(new String(Character.toChars(cp)));
                return font.getStringWidth(new String(Character.toChars(cp))) >= 0;
            } catch (IllegalArgumentException | IOException e) {
                return false;
            }
        });
    }
}
