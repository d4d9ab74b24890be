package io.receivables.invoicing.invoice.service;

import java.util.List;

import io.receivables.common.problem.FieldError;
import io.receivables.common.problem.ProblemException;
import io.receivables.common.problem.ProblemType;
import io.receivables.common.text.FreeText;
import io.receivables.contracts.events.VatExemption;
import io.receivables.invoicing.customer.Customer;
import io.receivables.invoicing.document.TaxExemption;
import io.receivables.invoicing.invoice.Invoice;
import io.receivables.invoicing.invoice.InvoiceLine;
import io.receivables.invoicing.invoice.rest.InvoiceLineRequest;
import io.receivables.invoicing.invoice.rest.InvoiceLineRequest.VatExemptionRequest;

/**
 * A line's VAT exemption (category E) or reverse charge (AE), from the request to the line and from the line to the
 * event; and the rule that a reverse-charge invoice names the buyer's VAT id (EN 16931 BR-AE-02).
 */
public final class LineExemptions {

    static final String REVERSE_CHARGE = "AE";

    private LineExemptions() {
    }

    /** Writes the requested exemption into the line (clears it when none is requested); AE gets its default reason. */
    static void apply(VatExemptionRequest requested, InvoiceLine line) {
        if (requested == null) {
            line.vatCategory = null;
            line.exemptionReason = null;
            line.exemptionReasonCode = null;
            return;
        }
        boolean reverseCharge = REVERSE_CHARGE.equals(requested.category());
        line.vatCategory = requested.category();
        line.exemptionReason = FreeText.optional(requested.reason()) != null ? requested.reason().strip()
                : reverseCharge ? TaxExemption.REVERSE_CHARGE_REASON : null;
        line.exemptionReasonCode = requested.reasonCode() != null ? requested.reasonCode()
                : reverseCharge ? TaxExemption.REVERSE_CHARGE_CODE : null;
    }

    /**
     * Reverse charge moves the VAT to the buyer, which only a buyer with a VAT id can account for, and the e-invoice must
     * state it (BR-AE-02).
     *
     * @throws ProblemException 422 {@code missing-billing-data} naming {@code taxId}
     */
    static void requireBuyerVatId(Invoice invoice, Customer customer) {
        requireBuyerVatId(invoice.lines.stream().anyMatch(line -> REVERSE_CHARGE.equals(line.vatCategory)), customer);
    }

    /**
     * The same rule for lines not issued yet (a billing schedule's), so what issuing them would refuse is refused when
     * they are kept.
     *
     * @throws ProblemException 422 {@code missing-billing-data} naming {@code taxId}
     */
    public static void requireBuyerVatId(List<InvoiceLineRequest> lines, Customer customer) {
        requireBuyerVatId(lines.stream().anyMatch(line -> line.vatExemption() != null
                && REVERSE_CHARGE.equals(line.vatExemption().category())), customer);
    }

    private static void requireBuyerVatId(boolean reverseCharge, Customer customer) {
        if (reverseCharge && FreeText.optional(customer.taxId) == null) {
            throw new ProblemException(ProblemType.MISSING_BILLING_DATA, "Customer " + customer.id
                    + " has no VAT id, which a reverse-charge invoice must name (EN 16931 BR-AE-02)",
                    List.of(new FieldError("taxId", "required for reverse-charge lines (vatExemption.category AE):"
                            + " set the customer's taxId (PUT /customers/" + customer.id + ")")));
        }
    }

    /** The line's exemption as the invoice-issued event carries it; null for a taxed or zero-rated line. */
    static VatExemption event(InvoiceLine line) {
        return line.vatCategory == null ? null
                : new VatExemption(VatExemption.Category.valueOf(line.vatCategory), line.exemptionReason,
                        line.exemptionReasonCode);
    }
}
