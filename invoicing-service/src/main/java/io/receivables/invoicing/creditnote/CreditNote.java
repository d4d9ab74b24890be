package io.receivables.invoicing.creditnote;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.receivables.contracts.events.CreditNoteIssued;

/**
 * A credit against one issued invoice, numbered in its own gap-free series ({@code CN-2026-000001}). Amounts are
 * positive: they are the value credited. Immutable once issued.
 */
@Entity
@Table(name = "credit_note")
public class CreditNote {

    @Id
    public UUID id;

    @Column(nullable = false, unique = true, length = 32)
    public String number;

    @Column(name = "invoice_id", nullable = false)
    public UUID invoiceId;

    @Column(name = "customer_id", nullable = false)
    public UUID customerId;

    @Column(nullable = false, length = 3)
    public String currency;

    @Column(name = "issue_date", nullable = false)
    public LocalDate issueDate;

    @Enumerated(EnumType.STRING)
    @Column(name = "reason_code", nullable = false, length = 32)
    public CreditNoteIssued.ReasonCode reasonCode;

    @Column(length = 1000)
    public String note;

    /** The dispute whose resolution caused it; unique, so one dispute yields at most one credit note. */
    @Column(name = "dispute_id")
    public UUID disputeId;

    @Column(nullable = false)
    public BigDecimal subtotal;

    @Column(name = "tax_total", nullable = false)
    public BigDecimal taxTotal;

    @Column(nullable = false)
    public BigDecimal total;

    /**
     * The part of the total beyond what was still due on the invoice when it was issued (e.g. already paid or written
     * off): a credit the customer holds, to be refunded or set off against other invoices.
     */
    @Column(name = "unapplied_amount", nullable = false)
    public BigDecimal unappliedAmount;

    @Column(name = "issued_at", nullable = false)
    public Instant issuedAt;

    @Version
    public long version;

    @OneToMany(mappedBy = "creditNote", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("lineNumber")
    public List<CreditNoteLine> lines = new ArrayList<>();
}
