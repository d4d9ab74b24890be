package io.receivables.invoicing.invoice.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.receivables.common.problem.FieldError;
import io.receivables.common.problem.ProblemException;
import io.receivables.common.problem.ProblemType;
import io.receivables.contracts.events.Contact;
import io.receivables.contracts.events.PostalAddress;
import io.receivables.invoicing.customer.Customer;
import io.receivables.invoicing.document.EInvoiceFormat;
import io.receivables.invoicing.document.InvoiceDocument;
import io.receivables.invoicing.document.InvoicePdfRenderer;
import io.receivables.invoicing.document.SellerConfig;
import io.receivables.invoicing.document.UblInvoiceWriter;
import io.receivables.invoicing.invoice.Invoice;
import io.receivables.invoicing.invoice.InvoiceLine;

/** How an issued invoice, its customer and the seller configuration become the document customers receive. */
class InvoiceDocumentsTest {

    static final SellerConfig SELLER = new SellerConfig() {
        public String legalName() {
            return "Receivables Demo GmbH";
        }

        public String vatId() {
            return "DE123456788";
        }

        public String street() {
            return "Musterstraße 1";
        }

        public Optional<String> additionalStreet() {
            return Optional.empty();
        }

        public String city() {
            return "Berlin";
        }

        public String postalCode() {
            return "10115";
        }

        public String countryCode() {
            return "DE";
        }

        public String email() {
            return "billing@receivables-demo.example";
        }

        public String contactName() {
            return "Accounts Receivable";
        }

        public String phone() {
            return "+49 30 12345678";
        }

        public String iban() {
            return "DE89370400440532013000";
        }

        public String bic() {
            return "COBADEFFXXX";
        }
    };

    static Customer customer() {
        Customer customer = new Customer();
        customer.id = UUID.randomUUID();
        customer.legalName = "Kunde & Söhne KG";
        customer.taxId = "DE811569869";
        customer.billingEmail = "ap@kunde.example";
        customer.billingAddress(new PostalAddress("Hafenweg 12", "Gebäude B", "Hamburg", "20457", null, "DE"));
        customer.contacts(List.of(new Contact("Milton Waddams", "milton@kunde.example", null, false),
                new Contact("Peter Gibbons", "peter@kunde.example", "+49 40 1234567", true)));
        return customer;
    }

    /** 499.00 at 19 % plus 3.5 h at 120.00 at 19 %, 100.00 already paid, 2 % discount within 10 days. */
    static Invoice invoice(UUID customerId) {
        Invoice invoice = new Invoice();
        invoice.id = UUID.randomUUID();
        invoice.number = "INV-2026-000001";
        invoice.customerId = customerId;
        invoice.currency = "EUR";
        invoice.issueDate = LocalDate.of(2026, 3, 31);
        invoice.dueDate = LocalDate.of(2026, 4, 30);
        invoice.discountDate = LocalDate.of(2026, 4, 10);
        invoice.discountAmount = new BigDecimal("21.87");
        invoice.poNumber = "PO-4711";
        invoice.lines.add(line(invoice, 1, "Subscription", "1", "499.00", "499.00", "94.81"));
        invoice.lines.add(line(invoice, 2, "Workshop (hours)", "3.5", "120.00", "420.00", "79.80"));
        invoice.subtotal = new BigDecimal("919.00");
        invoice.taxTotal = new BigDecimal("174.61");
        invoice.total = new BigDecimal("1093.61");
        invoice.amountDue = new BigDecimal("993.61");
        return invoice;
    }

    static InvoiceLine line(Invoice invoice, int number, String description, String quantity, String price,
            String net, String tax) {
        InvoiceLine line = new InvoiceLine();
        line.invoice = invoice;
        line.lineNumber = number;
        line.description = description;
        line.quantity = new BigDecimal(quantity);
        line.unitPrice = new BigDecimal(price);
        line.taxRate = new BigDecimal("0.19");
        line.netAmount = new BigDecimal(net);
        line.taxAmount = new BigDecimal(tax);
        return line;
    }

    @Test
    void mapsBuyerLinesTotalsAmountDueDiscountAndPurchaseOrder() {
        Customer customer = customer();
        InvoiceDocument document = InvoiceDocuments
                .forEInvoice(invoice(customer.id), customer, SELLER, EInvoiceFormat.PEPPOL_BIS_3).document();

        assertThat(document.number()).isEqualTo("INV-2026-000001");
        assertThat(document.purchaseOrderNumber()).contains("PO-4711");
        assertThat(document.payment().reference()).as("the ISO 11649 creditor reference of its number")
                .isEqualTo("RF94INV2026000001");
        assertThat(document.buyer().legalName()).isEqualTo("Kunde & Söhne KG");
        assertThat(document.buyer().vatId()).contains("DE811569869");
        assertThat(document.buyer().addressLines()).containsExactly("Hafenweg 12", "Gebäude B");
        assertThat(document.buyer().city()).isEqualTo("Hamburg");
        assertThat(document.buyer().postalCode()).isEqualTo("20457");
        assertThat(document.buyer().countryCode()).isEqualTo("DE");
        assertThat(document.buyer().email()).as("the primary contact's").contains("peter@kunde.example");
        assertThat(document.buyer().contactName()).contains("Peter Gibbons");
        assertThat(document.buyer().phone()).contains("+49 40 1234567");
        assertThat(document.seller().legalName()).isEqualTo("Receivables Demo GmbH");
        assertThat(document.lines()).extracting(InvoiceDocument.Line::description)
                .containsExactly("Subscription", "Workshop (hours)");
        assertThat(document.totals().total()).isEqualByComparingTo("1093.61");
        assertThat(document.totals().amountPaid()).isEqualByComparingTo("100.00");
        assertThat(document.totals().amountDue()).isEqualByComparingTo("993.61");
        assertThat(document.earlyPaymentDiscount()).hasValueSatisfying(discount -> {
            assertThat(discount.payBy()).isEqualTo(LocalDate.of(2026, 4, 10));
            assertThat(discount.amount()).isEqualByComparingTo("21.87");
        });
    }

    @Test
    void fallsBackToTheBillingEmailWhenThePrimaryContactHasNone() {
        Customer customer = customer();
        customer.contacts(List.of(new Contact("Peter Gibbons", null, null, true)));
        assertThat(InvoiceDocuments.forPrint(invoice(customer.id), customer, SELLER).buyer().email())
                .contains("ap@kunde.example");
    }

    @Test
    void leavesOutADiscountTheTermsDoNotGive() {
        Customer customer = customer();
        Invoice invoice = invoice(customer.id);
        invoice.discountDate = null;
        invoice.discountAmount = null;
        invoice.poNumber = null;
        InvoiceDocument document = InvoiceDocuments.forPrint(invoice, customer, SELLER);
        assertThat(document.earlyPaymentDiscount()).isEmpty();
        assertThat(document.purchaseOrderNumber()).isEmpty();
    }

    @Test
    void refusesAnEInvoiceWithoutBillingAddressNamingTheFieldButPrintsThePdf() {
        Customer customer = customer();
        customer.billingAddress(null);
        Invoice invoice = invoice(customer.id);

        assertThatThrownBy(() -> InvoiceDocuments.forEInvoice(invoice, customer, SELLER,
                EInvoiceFormat.PEPPOL_BIS_3))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.type()).isEqualTo(ProblemType.MISSING_BILLING_DATA);
                    assertThat(e.type().status()).isEqualTo(422);
                    assertThat(e.errors()).extracting(FieldError::field).containsExactly("billingAddress");
                });

        InvoiceDocument printable = InvoiceDocuments.forPrint(invoice, customer, SELLER);
        assertThat(printable.buyer().hasCompleteAddress()).isFalse();
        byte[] pdf = new InvoicePdfRenderer().render(printable);
        assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        assertThatThrownBy(() -> new UblInvoiceWriter().write(printable))
                .as("the writer itself never emits an e-invoice without the buyer's address")
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void namesEachMissingPartOfAnIncompleteAddress() {
        Customer customer = customer();
        customer.billingAddress(new PostalAddress("Hafenweg 12", null, "Hamburg", null, null, "DE"));
        assertThatThrownBy(() -> InvoiceDocuments.forEInvoice(invoice(customer.id), customer, SELLER,
                EInvoiceFormat.PEPPOL_BIS_3))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactly("billingAddress.postalCode"));
    }
}
