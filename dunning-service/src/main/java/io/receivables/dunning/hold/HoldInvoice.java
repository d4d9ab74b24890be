package io.receivables.dunning.hold;

import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** An invoice a manual hold names. */
@Entity
@Table(name = "dunning_hold_invoice")
@IdClass(HoldInvoice.Key.class)
public class HoldInvoice {

    @Id
    @Column(name = "hold_id")
    public UUID holdId;

    @Id
    @Column(name = "invoice_id")
    public UUID invoiceId;

    public static class Key implements Serializable {

        public UUID holdId;
        public UUID invoiceId;

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(holdId, key.holdId)
                    && Objects.equals(invoiceId, key.invoiceId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(holdId, invoiceId);
        }
    }
}
