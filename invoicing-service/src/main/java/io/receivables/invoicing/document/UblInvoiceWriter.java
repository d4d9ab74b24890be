package io.receivables.invoicing.document;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;

import io.receivables.invoicing.document.InvoiceDocument.ElectronicAddress;
import io.receivables.invoicing.document.InvoiceDocument.Line;
import io.receivables.invoicing.document.InvoiceDocument.Party;
import io.receivables.invoicing.document.VatBreakdown.Subtotal;

/**
 * Writes an {@link InvoiceDocument} as a UBL 2.1 Invoice or CreditNote following EN 16931 and Peppol BIS Billing 3.0,
 * the e-invoice a customer's accounting system imports without retyping.
 * <p>
 * Element order matters: the UBL schemas define each aggregate as a sequence, so the methods below write in schema
 * order. Amounts are written at the currency's minor units. EN 16931 itself allows at most two decimals in document
 * amounts (BR-DEC rules), so a document in a three-decimal currency such as KWD is valid UBL but not EN 16931.
 */
public class UblInvoiceWriter {

    static final String CUSTOMIZATION_ID = "urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0";
    static final String PROFILE_ID = "urn:fdc:peppol.eu:2017:poacc:billing:01:1.0";
    static final String INVOICE_NS = "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2";
    static final String CREDIT_NOTE_NS = "urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2";
    static final String CAC = "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2";
    static final String CBC = "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2";
    static final String INVOICE_TYPE_COMMERCIAL = "380";
    static final String CREDIT_NOTE_TYPE = "381";
    static final String CLEARING_BETWEEN_PARTNERS = "97";

    private static final XMLOutputFactory OUTPUT = XMLOutputFactory.newFactory();

    public byte[] write(InvoiceDocument invoice) {
        return write(EInvoice.peppol(invoice));
    }

    public byte[] write(EInvoice eInvoice) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(eInvoice, out);
        return out.toByteArray();
    }

    public void write(InvoiceDocument invoice, OutputStream out) {
        write(EInvoice.peppol(invoice), out);
    }

    /**
     * @throws IllegalArgumentException when the seller or buyer lacks a complete postal address, which an e-invoice
     *         must carry (the PDF may show what is on record), or when the format needs the buyer's electronic
     *         address and it has none
     */
    public void write(EInvoice eInvoice, OutputStream out) {
        InvoiceDocument invoice = eInvoice.document();
        for (Party party : List.of(invoice.seller(), invoice.buyer())) {
            if (!party.hasCompleteAddress()) {
                throw new IllegalArgumentException(
                        "An e-invoice needs a complete postal address of " + party.legalName());
            }
        }
        if (invoice.hasReverseCharge() && invoice.buyer().vatId().isEmpty()) {
            throw new IllegalArgumentException("A reverse-charge e-invoice needs the VAT id of "
                    + invoice.buyer().legalName() + " (BR-AE-02)");
        }
        try {
            new DocumentWriter(eInvoice, new XmlElements(OUTPUT.createXMLStreamWriter(out, "UTF-8"))).write();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Could not write UBL for " + invoice.number(), e);
        }
    }

    /** One document being written: the state of a single call. */
    private static final class DocumentWriter {
        private final InvoiceDocument invoice;
        private final EInvoice eInvoice;
        private final XmlElements xml;
        private final boolean creditNote;

        DocumentWriter(EInvoice eInvoice, XmlElements xml) {
            this.eInvoice = eInvoice;
            this.invoice = eInvoice.document();
            this.xml = xml;
            this.creditNote = invoice.kind() == DocumentKind.CREDIT_NOTE;
        }

        void write() {
            xml.startDocument(creditNote ? CREDIT_NOTE_NS : INVOICE_NS, creditNote ? "CreditNote" : "Invoice");
            xml.declareNamespace("cac", CAC);
            xml.declareNamespace("cbc", CBC);
            header();
            party("AccountingSupplierParty", invoice.seller());
            party("AccountingCustomerParty", invoice.buyer());
            paymentMeans();
            paymentTerms();
            taxTotal();
            monetaryTotal();
            for (Line line : invoice.lines()) {
                line(line);
            }
            xml.endDocument();
        }

        private void header() {
            cbc("CustomizationID", eInvoice.format().customizationId());
            cbc("ProfileID", PROFILE_ID);
            cbc("ID", invoice.number());
            cbc("IssueDate", date(invoice.issueDate()));
            if (creditNote) {
                // UBL 2.1 CreditNote has no DueDate: the credit note's payment terms say what happens instead
                cbc("CreditNoteTypeCode", CREDIT_NOTE_TYPE);
            } else {
                cbc("DueDate", date(invoice.dueDate()));
                cbc("InvoiceTypeCode", INVOICE_TYPE_COMMERCIAL);
            }
            // Peppol allows one document-level note (PEPPOL-EN16931-R002)
            invoice.notes().filter(notes -> !notes.isBlank()).ifPresent(notes -> cbc("Note", notes.strip()));
            cbc("DocumentCurrencyCode", invoice.currency());
            // BT-10: the buyer's own reference (a Leitweg-ID for German public buyers); without one the order number,
            // which is what the buyer's accounts payable matches on
            eInvoice.buyerReference().or(invoice::purchaseOrderNumber).ifPresent(ref -> cbc("BuyerReference", ref));
            invoice.billingPeriod().ifPresent(period -> {
                xml.start(CAC, "InvoicePeriod");
                cbc("StartDate", date(period.start()));
                cbc("EndDate", date(period.end()));
                xml.end();
            });
            invoice.purchaseOrderNumber().ifPresent(po -> {
                xml.start(CAC, "OrderReference");
                cbc("ID", po);
                xml.end();
            });
            invoice.correctedInvoice().ifPresent(corrected -> {
                xml.start(CAC, "BillingReference");
                xml.start(CAC, "InvoiceDocumentReference");
                cbc("ID", corrected.number());
                cbc("IssueDate", date(corrected.issueDate()));
                xml.end();
                xml.end();
            });
        }

        private void party(String role, Party party) {
            xml.start(CAC, role);
            xml.start(CAC, "Party");
            Optional<ElectronicAddress> endpoint = PeppolEndpoints.of(party);
            if (endpoint.isPresent()) {
                xml.text(CBC, "EndpointID", endpoint.get().identifier(), "schemeID", endpoint.get().scheme());
            } else if (eInvoice.format().requiresBuyerEndpoint()) {
                throw new IllegalArgumentException(eInvoice.format().slug() + " needs an electronic address of "
                        + party.legalName());
            }
            xml.start(CAC, "PartyName");
            cbc("Name", party.legalName());
            xml.end();
            postalAddress(party);
            party.vatId().ifPresent(vatId -> {
                xml.start(CAC, "PartyTaxScheme");
                cbc("CompanyID", vatId);
                vatScheme();
                xml.end();
            });
            xml.start(CAC, "PartyLegalEntity");
            cbc("RegistrationName", party.legalName());
            xml.end();
            if (party.contactName().isPresent() || party.phone().isPresent() || party.email().isPresent()) {
                xml.start(CAC, "Contact");
                party.contactName().ifPresent(name -> cbc("Name", name));
                party.phone().ifPresent(phone -> cbc("Telephone", phone));
                party.email().ifPresent(email -> cbc("ElectronicMail", email));
                xml.end();
            }
            xml.end();
            xml.end();
        }

        private void postalAddress(Party party) {
            List<String> lines = party.addressLines();
            xml.start(CAC, "PostalAddress");
            if (!lines.isEmpty()) {
                cbc("StreetName", lines.get(0));
            }
            if (lines.size() > 1) {
                cbc("AdditionalStreetName", lines.get(1));
            }
            cbc("CityName", party.city());
            cbc("PostalZone", party.postalCode());
            if (lines.size() > 2) {
                // EN 16931 has three address lines; any further ones are joined into the third
                xml.start(CAC, "AddressLine");
                cbc("Line", String.join(", ", lines.subList(2, lines.size())));
                xml.end();
            }
            xml.start(CAC, "Country");
            cbc("IdentificationCode", party.countryCode());
            xml.end();
            xml.end();
        }

        /**
         * The seller's account the buyer pays into. A credit note is settled the other way: set off against open
         * invoices or refunded to an account of the buyer this platform does not hold, so it says "clearing between
         * partners" (UNCL 4461 code 97) rather than naming an account.
         */
        private void paymentMeans() {
            InvoiceDocument.PaymentInstructions payment = invoice.payment();
            if (creditNote) {
                xml.start(CAC, "PaymentMeans");
                cbc("PaymentMeansCode", CLEARING_BETWEEN_PARTNERS);
                cbc("PaymentID", payment.reference());
                xml.end();
                return;
            }
            xml.start(CAC, "PaymentMeans");
            cbc("PaymentMeansCode", payment.meansCode());
            cbc("PaymentID", payment.reference());
            xml.start(CAC, "PayeeFinancialAccount");
            cbc("ID", payment.iban().replace(" ", ""));
            cbc("Name", invoice.seller().legalName());
            payment.bic().ifPresent(bic -> {
                xml.start(CAC, "FinancialInstitutionBranch");
                cbc("ID", bic);
                xml.end();
            });
            xml.end();
            xml.end();
        }

        private void paymentTerms() {
            xml.start(CAC, "PaymentTerms");
            cbc("Note", PaymentTermsText.of(invoice));
            xml.end();
        }

        private void taxTotal() {
            xml.start(CAC, "TaxTotal");
            money("TaxAmount", invoice.totals().taxTotal());
            for (Subtotal subtotal : VatBreakdown.of(invoice.lines())) {
                xml.start(CAC, "TaxSubtotal");
                money("TaxableAmount", subtotal.taxableAmount());
                money("TaxAmount", subtotal.taxAmount());
                xml.start(CAC, "TaxCategory");
                cbc("ID", subtotal.category().code());
                cbc("Percent", subtotal.percent().toPlainString());
                subtotal.exemptionReasonCode().ifPresent(code -> cbc("TaxExemptionReasonCode", code));
                subtotal.exemptionReason().ifPresent(reason -> cbc("TaxExemptionReason", reason));
                vatScheme();
                xml.end();
                xml.end();
            }
            xml.end();
        }

        private void monetaryTotal() {
            InvoiceDocument.Totals totals = invoice.totals();
            xml.start(CAC, "LegalMonetaryTotal");
            money("LineExtensionAmount", totals.subtotal());
            money("TaxExclusiveAmount", totals.subtotal());
            money("TaxInclusiveAmount", totals.total());
            money("PrepaidAmount", totals.amountPaid());
            money("PayableAmount", totals.amountDue());
            xml.end();
        }

        private void line(Line line) {
            xml.start(CAC, creditNote ? "CreditNoteLine" : "InvoiceLine");
            cbc("ID", String.valueOf(line.lineNumber()));
            xml.text(CBC, creditNote ? "CreditedQuantity" : "InvoicedQuantity",
                    line.quantity().stripTrailingZeros().toPlainString(), "unitCode", line.unitCode());
            money("LineExtensionAmount", line.netAmount());
            xml.start(CAC, "Item");
            cbc("Name", line.description());
            xml.start(CAC, "ClassifiedTaxCategory");
            cbc("ID", VatCategory.of(line).code());
            cbc("Percent", NetPrices.percent(line.taxRate()));
            vatScheme();
            xml.end();
            xml.end();
            xml.start(CAC, "Price");
            xml.text(CBC, "PriceAmount", NetPrices.of(line).toPlainString(), "currencyID", invoice.currency());
            xml.end();
            xml.end();
        }

        private void vatScheme() {
            xml.start(CAC, "TaxScheme");
            cbc("ID", "VAT");
            xml.end();
        }

        private void cbc(String localName, String text) {
            xml.text(CBC, localName, text);
        }

        private void money(String localName, BigDecimal amount) {
            xml.text(CBC, localName, amount(amount), "currencyID", invoice.currency());
        }

        private String amount(BigDecimal amount) {
            return Amounts.scaled(amount, invoice.currency()).toPlainString();
        }

        private static String date(LocalDate date) {
            return date.toString();
        }
    }
}
