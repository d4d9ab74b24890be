package io.receivables.invoicing.document;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The e-invoice formats documents are served in, by the slug the API names them with ({@code ?format=}). All are
 * EN 16931 documents: the core norm, or one of its CIUS (Peppol BIS Billing 3.0, the German XRechnung 3.0).
 */
public enum EInvoiceFormat {
    /** UBL 2.1 under Peppol BIS Billing 3.0: what a Peppol access point accepts. */
    PEPPOL_BIS_3("peppol-bis-3", "urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0"),
    /** UBL 2.1 under the core norm only, for receivers outside Peppol: no electronic address required. */
    EN16931_UBL("en16931-ubl", "urn:cen.eu:en16931:2017"),
    /** UBL 2.1 under the German CIUS: buyer reference (BT-10, the Leitweg-ID for public buyers) required. */
    XRECHNUNG_3("xrechnung-3", "urn:cen.eu:en16931:2017#compliant#urn:xeinkauf.de:kosit:xrechnung_3.0");

    public static final EInvoiceFormat DEFAULT = PEPPOL_BIS_3;

    private final String slug;
    private final String customizationId;

    EInvoiceFormat(String slug, String customizationId) {
        this.slug = slug;
        this.customizationId = customizationId;
    }

    public String slug() {
        return slug;
    }

    /** UBL {@code CustomizationID} (BT-24): the specification the document follows. */
    public String customizationId() {
        return customizationId;
    }

    /** Whether the buyer must have an electronic address (BT-49): Peppol routes by it, XRechnung requires it. */
    public boolean requiresBuyerEndpoint() {
        return this != EN16931_UBL;
    }

    public static Optional<EInvoiceFormat> ofSlug(String slug) {
        return Arrays.stream(values()).filter(format -> format.slug.equals(slug)).findFirst();
    }

    public static List<String> slugs() {
        return Arrays.stream(values()).map(EInvoiceFormat::slug).toList();
    }
}
