package io.receivables.common.testapp;

import java.math.BigDecimal;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * The self-test application's one entity: created over REST or from invoice-issued, replaced with If-Match, credited by
 * credit-note-issued. Crediting adds, so an event applied twice would show.
 */
@Entity
@Table(name = "tracked_invoice")
public class TrackedInvoice {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String reference;

    @Column(nullable = false, length = 3)
    public String currency;

    @Column(nullable = false)
    public BigDecimal total;

    @Column(nullable = false)
    public BigDecimal credited = BigDecimal.ZERO;

    @Column(name = "terms_days", nullable = false)
    public int termsDays;

    @Version
    public long version;

    /** What is left to credit. */
    public BigDecimal open() {
        return total.subtract(credited);
    }
}
