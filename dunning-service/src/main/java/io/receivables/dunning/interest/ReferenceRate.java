package io.receivables.dunning.interest;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** One row of a reference rate series (db/dunning-020-reference-rates.sql): data, never a constant in the code. */
@Entity
@Table(name = "reference_rate")
public class ReferenceRate {

    @EmbeddedId
    public Key id;

    /** Percent per year, e.g. 2.15. */
    @Column(name = "rate_percent", nullable = false)
    public BigDecimal ratePercent;

    /** Where the figure comes from (a central bank's publication), as its editor wrote it. */
    @Column(nullable = false)
    public String source;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;

    public RatePoint point() {
        return new RatePoint(id.validFrom, ratePercent);
    }

    /** A series and the day its rate applies from. */
    @Embeddable
    public static class Key implements Serializable {

        @Enumerated(EnumType.STRING)
        @Column(nullable = false)
        public RateKind kind;

        @Column(name = "valid_from", nullable = false)
        public LocalDate validFrom;

        public Key() {
        }

        public Key(RateKind kind, LocalDate validFrom) {
            this.kind = kind;
            this.validFrom = validFrom;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && kind == key.kind && Objects.equals(validFrom, key.validFrom);
        }

        @Override
        public int hashCode() {
            return Objects.hash(kind, validFrom);
        }

        @Override
        public String toString() {
            return kind + "/" + validFrom;
        }
    }
}
