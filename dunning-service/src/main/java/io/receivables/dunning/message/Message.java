package io.receivables.dunning.message;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.receivables.dunning.template.Channel;

/**
 * One consolidated message of a run: to one customer on one channel in one currency, rendered when the run decided it
 * (so what is delivered is what was decided, even if a template changes before delivery). Its invoices are
 * {@link MessageInvoice} rows.
 */
@Entity
@Table(name = "dunning_message")
public class Message {

    @Id
    public UUID id;

    @Column(name = "run_id", nullable = false)
    public UUID runId;

    @Column(name = "customer_id", nullable = false)
    public UUID customerId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Channel channel;

    @Column(name = "template_key", nullable = false)
    public String templateKey;

    @Column(nullable = false)
    public String language;

    /** The highest step among its invoices: it chose the template. */
    @Column(name = "step_number", nullable = false)
    public int stepNumber;

    public String recipient;

    @Column(name = "reply_to")
    public String replyTo;

    @Column(nullable = false, length = 3)
    public String currency;

    @Column(name = "amount_due", nullable = false)
    public BigDecimal amountDue;

    @Column(nullable = false)
    public BigDecimal fees;

    @Column(nullable = false)
    public BigDecimal interest;

    @Column(name = "payment_reference")
    public String paymentReference;

    public String subject;

    @Column(name = "text_body", nullable = false)
    public String textBody;

    @Column(name = "html_body")
    public String htmlBody;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public MessageStatus status;

    @Column(nullable = false)
    public int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    public Instant nextAttemptAt;

    @Column(name = "last_error")
    public String lastError;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "sent_at")
    public Instant sentAt;

    /** dchan: when the relay or the SMS provider reported that it bounced ({@code lastError} says why). */
    @Column(name = "bounced_at")
    public Instant bouncedAt;

    @Version
    public long version;
}
