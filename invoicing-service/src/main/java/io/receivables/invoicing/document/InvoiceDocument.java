package io.receivables.invoicing.document;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import io.receivables.common.money.Currencies;

/**
 * Everything an invoice or credit note shows, as the documents need it. Deliberately independent of the JPA entities:
 * the renderers and the UBL writer stay stable while the entity model changes, and the mapping from entities lives in
 * one place outside this package.
 * <p>
 * Amounts are already rounded to the currency's minor units. The constructor rejects a document whose totals do not
 * add up, because a customer must never receive one.
 *
 * @param correctedInvoice for a credit note, the invoice it corrects; empty for an invoice
 */
public record InvoiceDocument(
        DocumentKind kind,
        String number,
        LocalDate issueDate,
        LocalDate dueDate,
        Optional<Period> billingPeriod,
        String currency,
        Optional<String> purchaseOrderNumber,
        Optional<String> notes,
        PaymentInstructions payment,
        Optional<EarlyPaymentDiscount> earlyPaymentDiscount,
        Party seller,
        Party buyer,
        List<Line> lines,
        Totals totals,
        Optional<InvoiceReference> correctedInvoice) {

    public InvoiceDocument {
        Objects.requireNonNull(kind, "kind");
        requireText(number, "number");
        Objects.requireNonNull(issueDate, "issueDate");
        Objects.requireNonNull(dueDate, "dueDate");
        Objects.requireNonNull(billingPeriod, "billingPeriod");
        Currencies.minorUnits(currency); // rejects codes documents cannot be issued in
        Objects.requireNonNull(purchaseOrderNumber, "purchaseOrderNumber");
        Objects.requireNonNull(notes, "notes");
        Objects.requireNonNull(payment, "payment");
        Objects.requireNonNull(earlyPaymentDiscount, "earlyPaymentDiscount");
        Objects.requireNonNull(seller, "seller");
        Objects.requireNonNull(buyer, "buyer");
        lines = List.copyOf(lines);
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("A document needs at least one line");
        }
        Objects.requireNonNull(totals, "totals");
        Objects.requireNonNull(correctedInvoice, "correctedInvoice");
        if (kind == DocumentKind.CREDIT_NOTE && correctedInvoice.isEmpty()) {
            throw new IllegalArgumentException("A credit note must name the invoice it corrects");
        }
        totals.requireConsistentWith(lines);
    }

    /** Whether a line is reverse charge (AE): the e-invoice must then carry the buyer's VAT id (BR-AE-02). */
    public boolean hasReverseCharge() {
        return lines.stream().anyMatch(line -> VatCategory.of(line) == VatCategory.REVERSE_CHARGE);
    }

    static String requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
        return value;
    }

    /** An inclusive date range, e.g. the month a subscription was billed for. */
    public record Period(LocalDate start, LocalDate end) {
        public Period {
            if (end.isBefore(start)) {
                throw new IllegalArgumentException("Period ends before it starts: " + start + " to " + end);
            }
        }
    }

    /**
     * How the buyer pays.
     *
     * @param meansCode UNCL 4461 code: 58 SEPA credit transfer, 30 credit transfer
     * @param reference what the buyer quotes with the payment so it can be matched (remittance information, EN 16931
     *        BT-83): for an invoice its ISO 11649 creditor reference in electronic form (no spaces), which the PDF
     *        prints in groups of four and the UBL {@code PaymentID} and CII {@code PaymentReference} carry as it is
     * @param note the invoice's own payment instructions in words, e.g. "Pay from the account on your contract"
     */
    public record PaymentInstructions(String meansCode, String iban, Optional<String> bic, String reference,
            Optional<String> note) {

        public static final String SEPA_CREDIT_TRANSFER = "58";
        public static final String CREDIT_TRANSFER = "30";

        public PaymentInstructions {
            requireText(meansCode, "payment means code");
            requireText(iban, "IBAN");
            Objects.requireNonNull(bic, "bic");
            requireText(reference, "payment reference");
            Objects.requireNonNull(note, "note");
        }

        public PaymentInstructions(String meansCode, String iban, Optional<String> bic, String reference) {
            this(meansCode, iban, bic, reference, Optional.empty());
        }

        /** The same instructions with the invoice's own words added (absent when blank). */
        public PaymentInstructions withNote(String text) {
            return new PaymentInstructions(meansCode, iban, bic, reference,
                    Optional.ofNullable(text).map(String::strip).filter(t -> !t.isEmpty()));
        }
    }

    /** The buyer may deduct {@code amount} when paying on or before {@code payBy}. */
    public record EarlyPaymentDiscount(LocalDate payBy, BigDecimal amount) {
        public EarlyPaymentDiscount {
            Objects.requireNonNull(payBy, "payBy");
            if (amount.signum() <= 0) {
                throw new IllegalArgumentException("A discount is a positive amount: " + amount);
            }
        }
    }

    /**
     * Seller or buyer.
     *
     * @param vatId VAT identifier with its ISO 3166-1 alpha-2 prefix, e.g. DE123456788; empty for a buyer without
     *        one
     * @param city empty when not on record (a printed document only; an e-invoice needs {@link #hasCompleteAddress()})
     * @param postalCode empty when not on record
     * @param countryCode ISO 3166-1 alpha-2; empty when not on record
     * @param contactName who answers questions about the document (EN 16931 BT-41); German domestic e-invoices
     *        require it and a telephone number
     * @param electronicAddress where e-invoices reach the party (Peppol participant); when empty the UBL writer
     *        derives one from the VAT id
     */
    public record Party(
            String legalName,
            Optional<String> vatId,
            List<String> addressLines,
            String city,
            String postalCode,
            String countryCode,
            Optional<String> email,
            Optional<String> contactName,
            Optional<String> phone,
            Optional<ElectronicAddress> electronicAddress) {

        public Party {
            requireText(legalName, "legal name");
            Objects.requireNonNull(vatId, "vatId");
            addressLines = List.copyOf(addressLines);
            city = city == null ? "" : city;
            postalCode = postalCode == null ? "" : postalCode;
            countryCode = countryCode == null ? "" : countryCode;
            if (!countryCode.isEmpty() && !countryCode.matches("[A-Z]{2}")) {
                throw new IllegalArgumentException("Not an ISO 3166-1 alpha-2 country code: " + countryCode);
            }
            Objects.requireNonNull(email, "email");
            Objects.requireNonNull(contactName, "contactName");
            Objects.requireNonNull(phone, "phone");
            Objects.requireNonNull(electronicAddress, "electronicAddress");
        }

        /** A party known by its e-mail address only, without contact person or explicit electronic address. */
        public Party(String legalName, Optional<String> vatId, List<String> addressLines, String city,
                String postalCode, String countryCode, Optional<String> email) {
            this(legalName, vatId, addressLines, city, postalCode, countryCode, email, Optional.empty(),
                    Optional.empty(), Optional.empty());
        }

        /**
         * Whether the postal address is complete enough for an e-invoice: a street line, city, postal code and country.
         * A printed document may show a party with less (what is on record); an e-invoice may not.
         */
        public boolean hasCompleteAddress() {
            return !addressLines.isEmpty() && !city.isBlank() && !postalCode.isBlank() && !countryCode.isEmpty();
        }

        public Party withContact(String name, String phone) {
            return new Party(legalName, vatId, addressLines, city, postalCode, countryCode, email,
                    Optional.of(name), Optional.of(phone), electronicAddress);
        }

        public Party withElectronicAddress(ElectronicAddress address) {
            return new Party(legalName, vatId, addressLines, city, postalCode, countryCode, email, contactName,
                    phone, Optional.of(address));
        }
    }

    /** An electronic address with its EAS scheme, e.g. 0088 (GLN), 9930 (German VAT number). */
    public record ElectronicAddress(String scheme, String identifier) {
        public ElectronicAddress {
            requireText(scheme, "scheme");
            requireText(identifier, "identifier");
        }
    }

    /**
     * One invoiced item.
     *
     * @param unitCode UN/ECE Recommendation 20 code; C62 ("one") for pieces
     * @param taxRate a fraction: 0.19 for 19 %
     * @param exemption why a zero-rated line carries no VAT: exempt (category E) or reverse charge (AE); empty for a
     *        zero rate that is simply zero (category Z) and for any positive rate
     */
    public record Line(
            int lineNumber,
            String description,
            BigDecimal quantity,
            String unitCode,
            BigDecimal unitPrice,
            BigDecimal taxRate,
            BigDecimal netAmount,
            BigDecimal taxAmount,
            Optional<TaxExemption> exemption) {

        public static final String UNIT_PIECE = "C62";

        public Line {
            requireText(description, "line description");
            Objects.requireNonNull(quantity, "quantity");
            unitCode = unitCode == null || unitCode.isBlank() ? UNIT_PIECE : unitCode;
            Objects.requireNonNull(unitPrice, "unitPrice");
            if (taxRate.signum() < 0 || taxRate.compareTo(BigDecimal.ONE) >= 0) {
                throw new IllegalArgumentException("A tax rate is a fraction in [0, 1): " + taxRate);
            }
            Objects.requireNonNull(netAmount, "netAmount");
            Objects.requireNonNull(taxAmount, "taxAmount");
            Objects.requireNonNull(exemption, "exemption");
            if (exemption.isPresent() && taxRate.signum() != 0) {
                throw new IllegalArgumentException("Only a zero-rated line can be exempt: line " + lineNumber);
            }
        }

        /** Why the line carries no VAT, in words; empty unless exempt or reverse charge. */
        public Optional<String> taxExemptionReason() {
            return exemption.map(TaxExemption::reason);
        }

        /** A line with the default unit and no exemption. */
        public Line(int lineNumber, String description, BigDecimal quantity, BigDecimal unitPrice, BigDecimal taxRate,
                BigDecimal netAmount, BigDecimal taxAmount) {
            this(lineNumber, description, quantity, UNIT_PIECE, unitPrice, taxRate, netAmount, taxAmount,
                    Optional.empty());
        }
    }

    /**
     * @param subtotal sum of the line net amounts
     * @param amountDue what is left to pay: total less what was already paid
     */
    public record Totals(BigDecimal subtotal, BigDecimal taxTotal, BigDecimal total, BigDecimal amountPaid,
            BigDecimal amountDue) {

        public Totals {
            Objects.requireNonNull(subtotal, "subtotal");
            Objects.requireNonNull(taxTotal, "taxTotal");
            Objects.requireNonNull(total, "total");
            Objects.requireNonNull(amountPaid, "amountPaid");
            Objects.requireNonNull(amountDue, "amountDue");
        }

        void requireConsistentWith(List<Line> lines) {
            BigDecimal net = lines.stream().map(Line::netAmount).reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal tax = lines.stream().map(Line::taxAmount).reduce(BigDecimal.ZERO, BigDecimal::add);
            requireEqual("subtotal", subtotal, net);
            requireEqual("tax total", taxTotal, tax);
            requireEqual("total", total, subtotal.add(taxTotal));
            requireEqual("amount due", amountDue, total.subtract(amountPaid));
        }

        private static void requireEqual(String name, BigDecimal stated, BigDecimal computed) {
            if (stated.compareTo(computed) != 0) {
                throw new IllegalArgumentException(
                        "The " + name + " " + stated.toPlainString() + " does not add up: expected "
                                + computed.toPlainString());
            }
        }
    }

    /** The invoice a credit note corrects. */
    public record InvoiceReference(String number, LocalDate issueDate) {
        public InvoiceReference {
            requireText(number, "corrected invoice number");
            Objects.requireNonNull(issueDate, "issueDate");
        }
    }
}
