package io.receivables.invoicing.document;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;

import io.receivables.invoicing.document.InvoiceDocument.ElectronicAddress;
import io.receivables.invoicing.document.InvoiceDocument.Line;
import io.receivables.invoicing.document.InvoiceDocument.Party;
import io.receivables.invoicing.document.VatBreakdown.Subtotal;

/**
 * Writes an {@link InvoiceDocument} as a UN/CEFACT Cross Industry Invoice (D16B, the syntax of Factur-X and ZUGFeRD)
 * following EN 16931: the same semantic content as the UBL document of {@link UblInvoiceWriter}, element by element in
 * the CII schema's sequence order. A credit note is a CII invoice with type code 381 and positive amounts.
 */
public class CiiInvoiceWriter {

    static final String RSM = "urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100";
    static final String RAM = "urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100";
    static final String UDT = "urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100";
    static final String QDT = "urn:un:unece:uncefact:data:standard:QualifiedDataType:100";
    /** UNTDID 2379 code 102: a date as yyyyMMdd, the only date format EN 16931 CII allows. */
    private static final String DATE_FORMAT_102 = "102";
    private static final DateTimeFormatter YYYYMMDD = DateTimeFormatter.BASIC_ISO_DATE;
    /** UNTDID 1153 "VA": the party's VAT identifier. */
    private static final String VAT_REGISTRATION = "VA";

    private static final XMLOutputFactory OUTPUT = XMLOutputFactory.newFactory();

    /**
     * @throws IllegalArgumentException when the seller or buyer lacks a complete postal address, or when the format
     *         needs the buyer's electronic address and it has none
     */
    public byte[] write(EInvoice eInvoice) {
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
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            new DocumentWriter(eInvoice, new XmlElements(OUTPUT.createXMLStreamWriter(out, "UTF-8"))).write();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Could not write CII for " + invoice.number(), e);
        }
        return out.toByteArray();
    }

    /** One document being written: the state of a single call. */
    private static final class DocumentWriter {
        private final EInvoice eInvoice;
        private final InvoiceDocument invoice;
        private final XmlElements xml;
        private final boolean creditNote;

        DocumentWriter(EInvoice eInvoice, XmlElements xml) {
            this.eInvoice = eInvoice;
            this.invoice = eInvoice.document();
            this.xml = xml;
            this.creditNote = invoice.kind() == DocumentKind.CREDIT_NOTE;
        }

        void write() {
            xml.startDocument(RSM, "CrossIndustryInvoice");
            xml.declareNamespace("ram", RAM);
            xml.declareNamespace("udt", UDT);
            xml.declareNamespace("qdt", QDT);
            context();
            header();
            xml.start(RSM, "SupplyChainTradeTransaction");
            for (Line line : invoice.lines()) {
                line(line);
            }
            agreement();
            xml.start(RAM, "ApplicableHeaderTradeDelivery");
            xml.end();
            settlement();
            xml.end();
            xml.endDocument();
        }

        private void context() {
            xml.start(RSM, "ExchangedDocumentContext");
            // BT-23, as the UBL ProfileID: XRechnung (through its Peppol rules, PEPPOL-EN16931-R001) requires it
            xml.start(RAM, "BusinessProcessSpecifiedDocumentContextParameter");
            ram("ID", UblInvoiceWriter.PROFILE_ID);
            xml.end();
            xml.start(RAM, "GuidelineSpecifiedDocumentContextParameter");
            ram("ID", eInvoice.format().customizationId());
            xml.end();
            xml.end();
        }

        private void header() {
            xml.start(RSM, "ExchangedDocument");
            ram("ID", invoice.number());
            ram("TypeCode", creditNote ? UblInvoiceWriter.CREDIT_NOTE_TYPE : UblInvoiceWriter.INVOICE_TYPE_COMMERCIAL);
            date("IssueDateTime", invoice.issueDate());
            invoice.notes().filter(notes -> !notes.isBlank()).ifPresent(notes -> {
                xml.start(RAM, "IncludedNote");
                ram("Content", notes.strip());
                xml.end();
            });
            xml.end();
        }

        private void line(Line line) {
            xml.start(RAM, "IncludedSupplyChainTradeLineItem");
            xml.start(RAM, "AssociatedDocumentLineDocument");
            ram("LineID", String.valueOf(line.lineNumber()));
            xml.end();
            xml.start(RAM, "SpecifiedTradeProduct");
            ram("Name", line.description());
            xml.end();
            xml.start(RAM, "SpecifiedLineTradeAgreement");
            xml.start(RAM, "NetPriceProductTradePrice");
            ram("ChargeAmount", NetPrices.of(line).toPlainString());
            xml.end();
            xml.end();
            xml.start(RAM, "SpecifiedLineTradeDelivery");
            xml.text(RAM, "BilledQuantity", line.quantity().stripTrailingZeros().toPlainString(), "unitCode",
                    line.unitCode());
            xml.end();
            xml.start(RAM, "SpecifiedLineTradeSettlement");
            xml.start(RAM, "ApplicableTradeTax");
            ram("TypeCode", "VAT");
            ram("CategoryCode", VatCategory.of(line).code());
            ram("RateApplicablePercent", NetPrices.percent(line.taxRate()));
            xml.end();
            xml.start(RAM, "SpecifiedTradeSettlementLineMonetarySummation");
            ram("LineTotalAmount", amount(line.netAmount()));
            xml.end();
            xml.end();
            xml.end();
        }

        private void agreement() {
            xml.start(RAM, "ApplicableHeaderTradeAgreement");
            // BT-10: the buyer's own reference (a Leitweg-ID for German public buyers), else the order number
            eInvoice.buyerReference().or(invoice::purchaseOrderNumber).ifPresent(ref -> ram("BuyerReference", ref));
            party("SellerTradeParty", invoice.seller());
            party("BuyerTradeParty", invoice.buyer());
            invoice.purchaseOrderNumber().ifPresent(po -> {
                xml.start(RAM, "BuyerOrderReferencedDocument");
                ram("IssuerAssignedID", po);
                xml.end();
            });
            xml.end();
        }

        private void party(String role, Party party) {
            xml.start(RAM, role);
            ram("Name", party.legalName());
            if (party.contactName().isPresent() || party.phone().isPresent() || party.email().isPresent()) {
                xml.start(RAM, "DefinedTradeContact");
                party.contactName().ifPresent(name -> ram("PersonName", name));
                party.phone().ifPresent(phone -> {
                    xml.start(RAM, "TelephoneUniversalCommunication");
                    ram("CompleteNumber", phone);
                    xml.end();
                });
                party.email().ifPresent(email -> {
                    xml.start(RAM, "EmailURIUniversalCommunication");
                    ram("URIID", email);
                    xml.end();
                });
                xml.end();
            }
            postalAddress(party);
            Optional<ElectronicAddress> endpoint = PeppolEndpoints.of(party);
            if (endpoint.isPresent()) {
                xml.start(RAM, "URIUniversalCommunication");
                xml.text(RAM, "URIID", endpoint.get().identifier(), "schemeID", endpoint.get().scheme());
                xml.end();
            } else if (eInvoice.format().requiresBuyerEndpoint()) {
                throw new IllegalArgumentException(eInvoice.format().slug() + " needs an electronic address of "
                        + party.legalName());
            }
            party.vatId().ifPresent(vatId -> {
                xml.start(RAM, "SpecifiedTaxRegistration");
                xml.text(RAM, "ID", vatId, "schemeID", VAT_REGISTRATION);
                xml.end();
            });
            xml.end();
        }

        private void postalAddress(Party party) {
            List<String> lines = party.addressLines();
            xml.start(RAM, "PostalTradeAddress");
            ram("PostcodeCode", party.postalCode());
            ram("LineOne", lines.get(0));
            if (lines.size() > 1) {
                ram("LineTwo", lines.get(1));
            }
            if (lines.size() > 2) {
                // EN 16931 has three address lines; any further ones are joined into the third
                ram("LineThree", String.join(", ", lines.subList(2, lines.size())));
            }
            ram("CityName", party.city());
            ram("CountryID", party.countryCode());
            xml.end();
        }

        private void settlement() {
            xml.start(RAM, "ApplicableHeaderTradeSettlement");
            ram("PaymentReference", invoice.payment().reference());
            ram("InvoiceCurrencyCode", invoice.currency());
            paymentMeans();
            for (Subtotal subtotal : VatBreakdown.of(invoice.lines())) {
                xml.start(RAM, "ApplicableTradeTax");
                ram("CalculatedAmount", amount(subtotal.taxAmount()));
                ram("TypeCode", "VAT");
                subtotal.exemptionReason().ifPresent(reason -> ram("ExemptionReason", reason));
                ram("BasisAmount", amount(subtotal.taxableAmount()));
                ram("CategoryCode", subtotal.category().code());
                subtotal.exemptionReasonCode().ifPresent(code -> ram("ExemptionReasonCode", code));
                ram("RateApplicablePercent", subtotal.percent().toPlainString());
                xml.end();
            }
            invoice.billingPeriod().ifPresent(period -> {
                xml.start(RAM, "BillingSpecifiedPeriod");
                date("StartDateTime", period.start());
                date("EndDateTime", period.end());
                xml.end();
            });
            xml.start(RAM, "SpecifiedTradePaymentTerms");
            ram("Description", PaymentTermsText.of(invoice));
            if (!creditNote) {
                date("DueDateDateTime", invoice.dueDate());
            }
            xml.end();
            monetarySummation();
            invoice.correctedInvoice().ifPresent(corrected -> {
                xml.start(RAM, "InvoiceReferencedDocument");
                ram("IssuerAssignedID", corrected.number());
                xml.start(RAM, "FormattedIssueDateTime");
                xml.text(QDT, "DateTimeString", corrected.issueDate().format(YYYYMMDD), "format", DATE_FORMAT_102);
                xml.end();
                xml.end();
            });
            xml.end();
        }

        /** As in UBL: the seller's account for an invoice; "clearing between partners" for a credit note. */
        private void paymentMeans() {
            InvoiceDocument.PaymentInstructions payment = invoice.payment();
            xml.start(RAM, "SpecifiedTradeSettlementPaymentMeans");
            if (creditNote) {
                ram("TypeCode", UblInvoiceWriter.CLEARING_BETWEEN_PARTNERS);
                xml.end();
                return;
            }
            ram("TypeCode", payment.meansCode());
            xml.start(RAM, "PayeePartyCreditorFinancialAccount");
            ram("IBANID", payment.iban().replace(" ", ""));
            ram("AccountName", invoice.seller().legalName());
            xml.end();
            payment.bic().ifPresent(bic -> {
                xml.start(RAM, "PayeeSpecifiedCreditorFinancialInstitution");
                ram("BICID", bic);
                xml.end();
            });
            xml.end();
        }

        private void monetarySummation() {
            InvoiceDocument.Totals totals = invoice.totals();
            xml.start(RAM, "SpecifiedTradeSettlementHeaderMonetarySummation");
            ram("LineTotalAmount", amount(totals.subtotal()));
            ram("TaxBasisTotalAmount", amount(totals.subtotal()));
            // the one amount CII states with its currency: a document may state its VAT total in a second currency (BT-111)
            xml.text(RAM, "TaxTotalAmount", amount(totals.taxTotal()), "currencyID", invoice.currency());
            ram("GrandTotalAmount", amount(totals.total()));
            ram("TotalPrepaidAmount", amount(totals.amountPaid()));
            ram("DuePayableAmount", amount(totals.amountDue()));
            xml.end();
        }

        private void date(String localName, LocalDate date) {
            xml.start(RAM, localName);
            xml.text(UDT, "DateTimeString", date.format(YYYYMMDD), "format", DATE_FORMAT_102);
            xml.end();
        }

        private void ram(String localName, String text) {
            xml.text(RAM, localName, text);
        }

        private String amount(BigDecimal amount) {
            return Amounts.scaled(amount, invoice.currency()).toPlainString();
        }
    }
}
