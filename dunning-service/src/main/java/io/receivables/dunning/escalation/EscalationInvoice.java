package io.receivables.dunning.escalation;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.Objects;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** An invoice an escalation handed over, with the amount escalated on it. */
@Entity
@Table(name = "dunning_escalation_invoice")
@IdClass(EscalationInvoice.Key.class)
public class EscalationInvoice {

    @Id
    @Column(name = "escalation_id")
    public UUID escalationId;

    @Id
    @Column(name = "invoice_id")
    public UUID invoiceId;

    @Column(name = "invoice_number", nullable = false, length = 64)
    public String invoiceNumber;

    @Column(nullable = false)
    public BigDecimal amount;

    public static class Key implements Serializable {

        public UUID escalationId;
        public UUID invoiceId;

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(escalationId, key.escalationId)
                    && Objects.equals(invoiceId, key.invoiceId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(escalationId, invoiceId);
        }
    }
}
