package io.receivables.invoicing.invoice.document;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.receivables.common.money.Currencies;
import io.receivables.common.problem.FieldError;
import io.receivables.common.problem.ProblemException;
import io.receivables.common.problem.ProblemType;
import io.receivables.common.text.FreeText;
import io.receivables.contracts.CreditorReference;
import io.receivables.contracts.events.Contact;
import io.receivables.contracts.events.PostalAddress;
import io.receivables.invoicing.customer.Customer;
import io.receivables.invoicing.document.DocumentKind;
import io.receivables.invoicing.document.EInvoice;
import io.receivables.invoicing.document.EInvoiceFormat;
import io.receivables.invoicing.document.InvoiceDocument;
import io.receivables.invoicing.document.InvoiceDocument.EarlyPaymentDiscount;
import io.receivables.invoicing.document.InvoiceDocument.ElectronicAddress;
import io.receivables.invoicing.document.InvoiceDocument.Line;
import io.receivables.invoicing.document.InvoiceDocument.Party;
import io.receivables.invoicing.document.InvoiceDocument.Totals;
import io.receivables.invoicing.document.PeppolEndpoints;
import io.receivables.invoicing.document.SellerConfig;
import io.receivables.invoicing.document.TaxExemption;
import io.receivables.invoicing.document.VatCategory;
import io.receivables.invoicing.invoice.DocumentLine;
import io.receivables.invoicing.invoice.Invoice;
import io.receivables.invoicing.invoice.InvoiceLine;

/**
 * Maps an issued invoice (with its lines), its customer and the seller configuration to the {@link InvoiceDocument}
 * the PDF renderer and the UBL writer take: the one place that knows both the entities and the document model.
 */
public final class InvoiceDocuments {

    /**
     * Why a fee invoice's zero-rated line carries no VAT. Strictly it is outside the scope of VAT (EN 16931 category
     * O), but category O forbids the seller's VAT identifier on the whole document (BR-O-02) while every other document
     * of the seller carries it, so the line is category E (exempt) with this reason, which validates.
     */
    static final String FEE_EXEMPTION = "Late payment compensation, not consideration for a supply: outside the scope of VAT";

    /** EN 16931's BR-DEC rules: document amounts have at most two decimals. */
    static final int MAX_EN16931_DECIMALS = 2;

    private InvoiceDocuments() {
    }

    /** The document to print: the buyer shows whatever address is on record, possibly none. */
    public static InvoiceDocument forPrint(Invoice invoice, Customer customer, SellerConfig seller) {
        return document(invoice, customer, seller, false);
    }

    /**
     * The invoice as an e-invoice in {@code format}: the buyer with its Peppol participant as electronic address, the
     * invoice's buyer reference or else the customer's.
     *
     * @throws ProblemException 422 {@code missing-billing-data} naming each field the format needs but lacks; 422
     *         {@code currency-not-supported-by-format} for a currency with more than two decimals
     */
    public static EInvoice forEInvoice(Invoice invoice, Customer customer, SellerConfig seller,
            EInvoiceFormat format) {
        Optional<String> buyerReference = buyerReference(invoice.buyerReference, customer);
        requireEInvoiceData(customer, format, invoice.currency, buyerReference,
                Optional.ofNullable(FreeText.optional(invoice.poNumber)), zeroRateExemption(invoice));
        return new EInvoice(document(invoice, customer, seller, true), format, buyerReference);
    }

    /** The invoice's own buyer reference, else the customer's default. */
    public static Optional<String> buyerReference(String own, Customer customer) {
        return Optional.ofNullable(FreeText.optional(own))
                .or(() -> Optional.ofNullable(FreeText.optional(customer.buyerReference)));
    }

    /**
     * Checks that an e-invoice (or e-credit note) in {@code format} can be written: EN 16931 amounts have at most two
     * decimals, and the customer has what the format requires.
     *
     * @throws ProblemException 422 {@code currency-not-supported-by-format}, or 422 {@code missing-billing-data} naming
     *         each missing field
     */
    public static void requireEInvoiceData(Customer customer, EInvoiceFormat format, String currency,
            Optional<String> buyerReference, Optional<String> orderReference, Optional<TaxExemption> zeroRate) {
        if (Currencies.minorUnits(currency) > MAX_EN16931_DECIMALS) {
            throw new ProblemException(ProblemType.CURRENCY_NOT_SUPPORTED_BY_FORMAT, currency + " has "
                    + Currencies.minorUnits(currency) + " decimals; EN 16931 documents (" + format.slug()
                    + ") allow at most " + MAX_EN16931_DECIMALS + " (BR-DEC rules), so its amounts cannot be stated"
                    + " exactly. The PDF is available.",
                    List.of(new FieldError("currency",
                            currency + " cannot be expressed in " + format.slug())));
        }
        List<FieldError> missing = new ArrayList<>(missingForEInvoice(customer));
        if (zeroRate.map(TaxExemption::category).orElse(null) == VatCategory.REVERSE_CHARGE
                && FreeText.optional(customer.taxId) == null) {
            missing.add(new FieldError("taxId", "required for a reverse-charge document (EN 16931 BR-AE-02): set the"
                    + " customer's taxId"));
        }
        if (format.requiresBuyerEndpoint() && customer.peppolScheme == null
                && PeppolEndpoints.of(buyer(customer)).isEmpty()) {
            missing.add(new FieldError("peppolParticipant", "required for " + format.slug()
                    + ": the buyer's electronic address; set the customer's peppolParticipant (or a taxId with a"
                    + " European VAT prefix such as DE)"));
        }
        if (format.isXRechnung() && buyerReference.isEmpty()) {
            missing.add(new FieldError("buyerReference", "required for " + format.slug() + " (BT-10, BR-DE-15): set the"
                    + " customer's buyerReference (a public buyer's Leitweg-ID) or the invoice's"));
        } else if (buyerReference.isEmpty() && orderReference.isEmpty()) {
            missing.add(new FieldError("buyerReference", "required for " + format.slug() + " when there is no"
                    + " poNumber (PEPPOL-EN16931-R003): set the customer's or the invoice's buyerReference"));
        }
        if (!missing.isEmpty()) {
            throw new ProblemException(ProblemType.MISSING_BILLING_DATA,
                    "Customer " + customer.id + " lacks what a " + format.slug() + " e-invoice needs: "
                            + String.join(", ", missing.stream().map(FieldError::field).toList()),
                    missing);
        }
    }

    /** The customer fields (as {@code /customers} names them) every e-invoice needs but the customer lacks. */
    static List<FieldError> missingForEInvoice(Customer customer) {
        PostalAddress address = customer.billingAddress();
        if (address == null) {
            return List.of(new FieldError("billingAddress",
                    "required for an e-invoice: set the customer's billing address (PUT /customers/" + customer.id
                            + ")"));
        }
        List<FieldError> missing = new ArrayList<>();
        requirePresent(missing, address.line1(), "billingAddress.line1");
        requirePresent(missing, address.city(), "billingAddress.city");
        requirePresent(missing, address.postalCode(), "billingAddress.postalCode");
        requirePresent(missing, address.country(), "billingAddress.country");
        return missing;
    }

    private static void requirePresent(List<FieldError> missing, String value, String field) {
        if (value == null || value.isBlank()) {
            missing.add(new FieldError(field, "required for an e-invoice"));
        }
    }

    private static InvoiceDocument document(Invoice invoice, Customer customer, SellerConfig seller,
            boolean eInvoice) {
        Optional<TaxExemption> zeroRate = zeroRateExemption(invoice);
        List<Line> lines = invoice.lines.stream().map(line -> line(line, zeroRate)).toList();
        BigDecimal amountPaid = invoice.total.subtract(invoice.amountDue);
        Totals totals = new Totals(invoice.subtotal, invoice.taxTotal, invoice.total, amountPaid, invoice.amountDue);
        return new InvoiceDocument(DocumentKind.INVOICE, invoice.number, invoice.issueDate, invoice.dueDate,
                billingPeriod(invoice), invoice.currency, Optional.ofNullable(FreeText.optional(invoice.poNumber)),
                Optional.ofNullable(FreeText.optional(invoice.notes)),
                SellerConfig.sepaTransfer(seller, CreditorReference.of(invoice.number)).withNote(invoice.paymentInstructions),
                discount(invoice),
                SellerConfig.party(seller), eInvoice ? eInvoiceBuyer(customer) : buyer(customer), lines, totals,
                Optional.empty());
    }

    private static Optional<InvoiceDocument.Period> billingPeriod(Invoice invoice) {
        return invoice.billingPeriodStart == null ? Optional.empty()
                : Optional.of(new InvoiceDocument.Period(invoice.billingPeriodStart, invoice.billingPeriodEnd));
    }

    private static Optional<EarlyPaymentDiscount> discount(Invoice invoice) {
        if (invoice.discountDate == null || invoice.discountAmount == null || invoice.discountAmount.signum() <= 0) {
            return Optional.empty();
        }
        return Optional.of(new EarlyPaymentDiscount(invoice.discountDate, invoice.discountAmount));
    }

    /**
     * A document line; {@code zeroRateReason} says why a zero-rated line is exempt (VAT category E) rather than taxed
     * at zero (Z).
     */
    public static Line line(DocumentLine line, Optional<TaxExemption> zeroRateReason) {
        return new Line(line.lineNumber, line.description, line.quantity, Line.UNIT_PIECE, line.unitPrice,
                line.taxRate, line.netAmount, line.taxAmount,
                line.taxRate.signum() == 0 ? zeroRateReason : Optional.empty());
    }

    /**
     * Why the invoice's zero-rated lines carry no VAT, which they share (issuing checks that): a fee invoice's
     * exemption, else the exemption or reverse charge its lines were issued with; empty for category Z. A credit note
     * credits its zero-rated lines the same way.
     */
    public static Optional<TaxExemption> zeroRateExemption(Invoice invoice) {
        if (invoice.feeForInvoiceId != null) {
            return Optional.of(TaxExemption.exempt(FEE_EXEMPTION));
        }
        return invoice.lines.stream().filter(line -> line.taxRate.signum() == 0).findFirst()
                .flatMap(InvoiceDocuments::exemption);
    }

    /** The exemption or reverse charge an invoice line was issued with. */
    static Optional<TaxExemption> exemption(InvoiceLine line) {
        if (line.vatCategory == null) {
            return Optional.empty();
        }
        VatCategory category = line.vatCategory.equals(VatCategory.REVERSE_CHARGE.code()) ? VatCategory.REVERSE_CHARGE
                : VatCategory.EXEMPT;
        return Optional.of(new TaxExemption(category, Optional.ofNullable(line.exemptionReasonCode),
                line.exemptionReason));
    }

    public static Party buyer(Customer customer) {
        PostalAddress address = customer.billingAddress();
        List<String> addressLines = new ArrayList<>();
        String city = "";
        String postalCode = "";
        String country = "";
        if (address != null) {
            addressLines.add(address.line1());
            if (FreeText.optional(address.line2()) != null) {
                addressLines.add(address.line2());
            }
            city = nullToEmpty(address.city());
            postalCode = nullToEmpty(address.postalCode());
            country = nullToEmpty(address.country()).toUpperCase(java.util.Locale.ROOT);
        }
        Optional<Contact> primary = primaryContact(customer.contacts());
        Optional<String> email = email(customer);
        return new Party(customer.legalName, Optional.ofNullable(FreeText.optional(customer.taxId)), addressLines, city,
                postalCode, country, email, primary.map(Contact::name).map(FreeText::optional),
                primary.map(Contact::phone).map(FreeText::optional), Optional.empty());
    }

    /** The buyer with its Peppol participant identifier, when it has one, as its electronic address. */
    public static Party eInvoiceBuyer(Customer customer) {
        Party buyer = buyer(customer);
        return customer.peppolScheme == null ? buyer
                : buyer.withElectronicAddress(new ElectronicAddress(customer.peppolScheme, customer.peppolId));
    }

    /** The primary contact's e-mail address, else the customer's billing e-mail. */
    private static Optional<String> email(Customer customer) {
        return primaryContact(customer.contacts()).map(Contact::email).map(FreeText::optional)
                .or(() -> Optional.ofNullable(FreeText.optional(customer.billingEmail)));
    }

    /** The contact marked primary; with none marked, the first one. */
    private static Optional<Contact> primaryContact(List<Contact> contacts) {
        return contacts.stream().filter(Contact::primary).findFirst().or(() -> contacts.stream().findFirst());
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
