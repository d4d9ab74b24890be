package io.receivables.invoicing.invoice;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

@Entity
@Table(name = "invoice_line")
public class InvoiceLine extends DocumentLine {

    @Id
    public UUID id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "invoice_id", nullable = false)
    public Invoice invoice;

    /** E (exempt) or AE (reverse charge) for a zero-rated line that says why it carries no VAT; null otherwise. */
    @Column(name = "vat_category", length = 2)
    public String vatCategory;

    /** The reason in words (EN 16931 BT-120); set with {@link #vatCategory}. */
    @Column(name = "exemption_reason", length = 300)
    public String exemptionReason;

    /** Its VATEX code (BT-121), e.g. VATEX-EU-AE; optional. */
    @Column(name = "exemption_reason_code", length = 30)
    public String exemptionReasonCode;
}
