package io.receivables.invoicing.document;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.receivables.invoicing.document.InvoiceDocument.Party;
import io.receivables.invoicing.document.InvoiceDocument.PaymentInstructions;
import io.smallrye.config.ConfigMapping;

/** The company that issues the documents: it is the seller on every invoice this service sends. */
@ConfigMapping(prefix = "receivables.invoicing.seller")
public interface SellerConfig {

    String legalName();

    /** With its ISO 3166-1 alpha-2 prefix, e.g. DE123456788. */
    String vatId();

    String street();

    Optional<String> additionalStreet();

    String city();

    String postalCode();

    /** ISO 3166-1 alpha-2. */
    String countryCode();

    String email();

    /** Who answers questions about invoices, e.g. "Accounts Receivable". */
    String contactName();

    String phone();

    String iban();

    String bic();

    /** The seller as it appears on a document. */
    static Party party(SellerConfig config) {
        List<String> addressLines = new ArrayList<>();
        addressLines.add(config.street());
        config.additionalStreet().ifPresent(addressLines::add);
        return new Party(config.legalName(), Optional.of(config.vatId()), addressLines, config.city(),
                config.postalCode(), config.countryCode(), Optional.of(config.email()))
                .withContact(config.contactName(), config.phone());
    }

    /** SEPA credit transfer to the seller's account, quoting {@code paymentReference}. */
    static PaymentInstructions sepaTransfer(SellerConfig config, String paymentReference) {
        return new PaymentInstructions(PaymentInstructions.SEPA_CREDIT_TRANSFER, config.iban(),
                Optional.of(config.bic()), paymentReference);
    }
}
