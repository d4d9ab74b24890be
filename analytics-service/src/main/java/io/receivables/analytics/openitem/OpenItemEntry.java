package io.receivables.analytics.openitem;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One change of an invoice's open amount, dated by its business date rather than when its event arrived: open AR as of
 * a date is the sum of the entries up to it. {@link OpenItem#openAmount} is the sum of all of them.
 */
@Entity
@Table(name = "open_item_entry")
public class OpenItemEntry {

    @Id
    public UUID id;

    @Column(name = "invoice_id", nullable = false)
    public UUID invoiceId;

    @Column(name = "effective_on", nullable = false)
    public LocalDate effectiveOn;

    /** Positive: more is open from that date; negative: less. */
    @Column(nullable = false)
    public BigDecimal amount;

    public static OpenItemEntry of(UUID invoiceId, LocalDate effectiveOn, BigDecimal amount) {
        OpenItemEntry entry = new OpenItemEntry();
        entry.id = UUID.randomUUID();
        entry.invoiceId = invoiceId;
        entry.effectiveOn = effectiveOn;
        entry.amount = amount;
        return entry;
    }
}
