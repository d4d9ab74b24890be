package io.receivables.dunning.message;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** An invoice a message names, at the step the run actioned it for, with the amounts the message stated. */
@Entity
@Table(name = "dunning_message_invoice")
@IdClass(MessageInvoice.Key.class)
public class MessageInvoice {

    @Id
    @Column(name = "message_id")
    public UUID messageId;

    @Id
    @Column(name = "invoice_id")
    public UUID invoiceId;

    @Column(name = "invoice_number", nullable = false)
    public String invoiceNumber;

    @Column(name = "step_number", nullable = false)
    public int stepNumber;

    @Column(name = "due_date", nullable = false)
    public LocalDate dueDate;

    @Column(name = "days_overdue", nullable = false)
    public int daysOverdue;

    @Column(name = "open_amount", nullable = false)
    public BigDecimal openAmount;

    @Column(name = "disputed_amount", nullable = false)
    public BigDecimal disputedAmount;

    /** Open less disputed: what the message asks for on this invoice. */
    @Column(name = "amount_due", nullable = false)
    public BigDecimal amountDue;

    public static class Key implements Serializable {

        public UUID messageId;
        public UUID invoiceId;

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(messageId, key.messageId)
                    && Objects.equals(invoiceId, key.invoiceId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(messageId, invoiceId);
        }
    }
}
