package io.receivables.invoicing.document;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The e-invoice formats documents are served in, by the slug the API names them with ({@code ?format=}). All are
 * EN 16931 documents: the core norm, or one of its CIUS (Peppol BIS Billing 3.0, the German XRechnung 3.0), in UBL 2.1
 * or in UN/CEFACT CII (Factur-X / ZUGFeRD: CII embedded in a PDF/A-3).
 */
public enum EInvoiceFormat {
    /** UBL 2.1 under Peppol BIS Billing 3.0: what a Peppol access point accepts. */
    PEPPOL_BIS_3("peppol-bis-3", Syntax.UBL,
            "urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0"),
    /** UBL 2.1 under the core norm only, for receivers outside Peppol: no electronic address required. */
    EN16931_UBL("en16931-ubl", Syntax.UBL, "urn:cen.eu:en16931:2017"),
    /** UBL 2.1 under the German CIUS: buyer reference (BT-10, the Leitweg-ID for public buyers) required. */
    XRECHNUNG_3("xrechnung-3", Syntax.UBL, "urn:cen.eu:en16931:2017#compliant#urn:xeinkauf.de:kosit:xrechnung_3.0"),
    /** The same German CIUS in the CII syntax, for receivers (e.g. some state portals) that take CII only. */
    XRECHNUNG_3_CII("xrechnung-3-cii", Syntax.CII,
            "urn:cen.eu:en16931:2017#compliant#urn:xeinkauf.de:kosit:xrechnung_3.0"),
    /**
     * Factur-X 1.07 / ZUGFeRD 2.3, profile EN 16931: the printable invoice as PDF/A-3 with the CII document embedded
     * as {@code factur-x.xml}. A person reads the PDF, a machine imports the XML; no electronic address required.
     */
    FACTUR_X("factur-x", Syntax.FACTUR_X, "urn:cen.eu:en16931:2017");

    public static final EInvoiceFormat DEFAULT = PEPPOL_BIS_3;

    /** How a format writes the EN 16931 semantic model down. */
    public enum Syntax {
        /** A UBL 2.1 Invoice or CreditNote. */
        UBL,
        /** A UN/CEFACT CrossIndustryInvoice (D16B). */
        CII,
        /** A UN/CEFACT CrossIndustryInvoice (D16B) inside a PDF/A-3. */
        FACTUR_X
    }

    private final String slug;
    private final Syntax syntax;
    private final String customizationId;

    EInvoiceFormat(String slug, Syntax syntax, String customizationId) {
        this.slug = slug;
        this.syntax = syntax;
        this.customizationId = customizationId;
    }

    public String slug() {
        return slug;
    }

    public Syntax syntax() {
        return syntax;
    }

    /**
     * The specification identifier (BT-24): UBL {@code CustomizationID}, CII
     * {@code GuidelineSpecifiedDocumentContextParameter}.
     */
    public String customizationId() {
        return customizationId;
    }

    /** Whether the buyer must have an electronic address (BT-49): Peppol routes by it, XRechnung requires it. */
    public boolean requiresBuyerEndpoint() {
        return this == PEPPOL_BIS_3 || isXRechnung();
    }

    /** Whether the German CIUS applies: buyer reference (BT-10, BR-DE-15) and electronic address required. */
    public boolean isXRechnung() {
        return this == XRECHNUNG_3 || this == XRECHNUNG_3_CII;
    }

    /** The media type the document is served as. */
    public String mediaType() {
        return syntax == Syntax.FACTUR_X ? "application/pdf" : "application/xml";
    }

    /** The file name extension the document is served with. */
    public String extension() {
        return syntax == Syntax.FACTUR_X ? ".pdf" : ".xml";
    }

    public static Optional<EInvoiceFormat> ofSlug(String slug) {
        return Arrays.stream(values()).filter(format -> format.slug.equals(slug)).findFirst();
    }

    public static List<String> slugs() {
        return Arrays.stream(values()).map(EInvoiceFormat::slug).toList();
    }
}
