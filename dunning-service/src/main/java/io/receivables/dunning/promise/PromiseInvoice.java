package io.receivables.dunning.promise;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.Objects;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** An invoice a promise pays, with what was collectable on it when the promise was made. */
@Entity
@Table(name = "dunning_promise_invoice")
@IdClass(PromiseInvoice.Key.class)
public class PromiseInvoice {

    @Id
    @Column(name = "promise_id")
    public UUID promiseId;

    @Id
    @Column(name = "invoice_id")
    public UUID invoiceId;

    @Column(name = "invoice_number", nullable = false, length = 64)
    public String invoiceNumber;

    @Column(name = "collectable_amount", nullable = false)
    public BigDecimal collectableAmount;

    public static class Key implements Serializable {

        public UUID promiseId;
        public UUID invoiceId;

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(promiseId, key.promiseId)
                    && Objects.equals(invoiceId, key.invoiceId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(promiseId, invoiceId);
        }
    }
}
