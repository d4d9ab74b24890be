package io.receivables.invoicing.document;

import java.util.Map;
import java.util.Optional;

import io.receivables.invoicing.document.InvoiceDocument.ElectronicAddress;
import io.receivables.invoicing.document.InvoiceDocument.Party;

/**
 * The electronic address (EN 16931 BT-34 / BT-49) of a party that has none on record. Peppol requires one for both
 * parties; in Europe a VAT number is the address most participants are registered under, with the EAS scheme of its
 * country.
 */
public final class PeppolEndpoints {

    /** EAS electronic address schemes that are VAT numbers, by the VAT number's prefix (Greece uses EL). */
    private static final Map<String, String> VAT_SCHEMES = Map.ofEntries(
            Map.entry("AD", "9922"), Map.entry("AL", "9923"), Map.entry("AT", "9914"), Map.entry("BA", "9924"),
            Map.entry("BE", "9925"), Map.entry("BG", "9926"), Map.entry("CH", "9927"), Map.entry("CY", "9928"),
            Map.entry("CZ", "9929"), Map.entry("DE", "9930"), Map.entry("EE", "9931"), Map.entry("EL", "9933"),
            Map.entry("ES", "9920"), Map.entry("FR", "9957"), Map.entry("GB", "9932"), Map.entry("HR", "9934"),
            Map.entry("HU", "9910"), Map.entry("IE", "9935"), Map.entry("LI", "9936"), Map.entry("LT", "9937"),
            Map.entry("LU", "9938"), Map.entry("LV", "9939"), Map.entry("MC", "9940"), Map.entry("ME", "9941"),
            Map.entry("MK", "9942"), Map.entry("MT", "9943"), Map.entry("NL", "9944"), Map.entry("PL", "9945"),
            Map.entry("PT", "9946"), Map.entry("RO", "9947"), Map.entry("RS", "9948"), Map.entry("SI", "9949"),
            Map.entry("SK", "9950"), Map.entry("SM", "9951"), Map.entry("TR", "9952"), Map.entry("VA", "9953"));

    private PeppolEndpoints() {
    }

    /**
     * The party's electronic address: its own (a Peppol participant on record), else its VAT number under its
     * country's EAS scheme. Never an e-mail address (scheme EM): Peppol's EAS code list does not have it
     * (PEPPOL-EN16931-CL008), so a party with neither has no address, which the caller refuses or leaves out.
     */
    public static Optional<ElectronicAddress> of(Party party) {
        return party.electronicAddress().or(() -> party.vatId().flatMap(PeppolEndpoints::fromVatId));
    }

    static Optional<ElectronicAddress> fromVatId(String vatId) {
        String compact = vatId.replace(" ", "");
        return Optional.ofNullable(compact.length() > 2 ? VAT_SCHEMES.get(compact.substring(0, 2)) : null)
                .map(scheme -> new ElectronicAddress(scheme, compact));
    }
}
