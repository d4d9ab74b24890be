package io.receivables.invoicing.invoice.document;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.receivables.common.problem.FieldError;
import io.receivables.common.problem.ProblemException;
import io.receivables.common.problem.ProblemType;
import io.receivables.common.text.FreeText;
import io.receivables.contracts.events.Contact;
import io.receivables.contracts.events.PostalAddress;
import io.receivables.invoicing.customer.Customer;
import io.receivables.invoicing.document.DocumentKind;
import io.receivables.invoicing.document.InvoiceDocument;
import io.receivables.invoicing.document.InvoiceDocument.EarlyPaymentDiscount;
import io.receivables.invoicing.document.InvoiceDocument.Line;
import io.receivables.invoicing.document.InvoiceDocument.Party;
import io.receivables.invoicing.document.InvoiceDocument.Totals;
import io.receivables.invoicing.document.SellerConfig;
import io.receivables.invoicing.invoice.DocumentLine;
import io.receivables.invoicing.invoice.Invoice;

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

    private InvoiceDocuments() {
    }

    /** The document to print: the buyer shows whatever address is on record, possibly none. */
    public static InvoiceDocument forPrint(Invoice invoice, Customer customer, SellerConfig seller) {
        return document(invoice, customer, seller);
    }

    /**
     * The document to send as an e-invoice, which EN 16931 requires a complete buyer address for.
     *
     * @throws ProblemException 422 {@code missing-billing-data} naming each missing field of the customer
     */
    public static InvoiceDocument forEInvoice(Invoice invoice, Customer customer, SellerConfig seller) {
        requireEInvoiceData(customer);
        return document(invoice, customer, seller);
    }

    /**
     * Checks that the customer has what an e-invoice (or e-credit note) needs.
     *
     * @throws ProblemException 422 {@code missing-billing-data} naming each missing field of the customer
     */
    public static void requireEInvoiceData(Customer customer) {
        List<FieldError> missing = missingForEInvoice(customer);
        if (!missing.isEmpty()) {
            throw new ProblemException(ProblemType.MISSING_BILLING_DATA,
                    "Customer " + customer.id + " lacks what an e-invoice needs: "
                            + String.join(", ", missing.stream().map(FieldError::field).toList()),
                    missing);
        }
    }

    /** The customer fields (as {@code /customers} names them) an e-invoice needs but the customer lacks. */
    static List<FieldError> missingForEInvoice(Customer customer) {
        PostalAddress address = customer.billingAddress();
        if (address == null) {
            return List.of(new FieldError("billingAddress",
                    "required for an e-invoice: set the customer's billing address (PUT /customers/" + customer.id
                            + ")"));
        }
        List<FieldError> missing = new ArrayList<>();
        if (FreeText.optional(customer.taxId) == null && email(customer).isEmpty()) {
            missing.add(new FieldError("billingEmail",
                    "required for an e-invoice to a customer without taxId: it is the electronic address"));
        }
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

    private static InvoiceDocument document(Invoice invoice, Customer customer, SellerConfig seller) {
        Optional<String> exemption = invoice.feeForInvoiceId == null ? Optional.empty() : Optional.of(FEE_EXEMPTION);
        List<Line> lines = invoice.lines.stream().map(line -> line(line, exemption)).toList();
        BigDecimal amountPaid = invoice.total.subtract(invoice.amountDue);
        Totals totals = new Totals(invoice.subtotal, invoice.taxTotal, invoice.total, amountPaid, invoice.amountDue);
        return new InvoiceDocument(DocumentKind.INVOICE, invoice.number, invoice.issueDate, invoice.dueDate,
                billingPeriod(invoice), invoice.currency, Optional.ofNullable(FreeText.optional(invoice.poNumber)),
                Optional.ofNullable(FreeText.optional(invoice.notes)),
                SellerConfig.sepaTransfer(seller, invoice.number).withNote(invoice.paymentInstructions), discount(invoice),
                SellerConfig.party(seller), buyer(customer), lines, totals, Optional.empty());
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
    public static Line line(DocumentLine line, Optional<String> zeroRateReason) {
        return new Line(line.lineNumber, line.description, line.quantity, Line.UNIT_PIECE, line.unitPrice,
                line.taxRate, line.netAmount, line.taxAmount,
                line.taxRate.signum() == 0 ? zeroRateReason : Optional.empty());
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
