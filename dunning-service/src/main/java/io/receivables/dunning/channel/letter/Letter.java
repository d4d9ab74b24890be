package io.receivables.dunning.channel.letter;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A LETTER message's PDF, stored for printing when it was delivered. */
@Entity
@Table(name = "dunning_letter")
public class Letter {

    @Id
    @Column(name = "message_id")
    public UUID messageId;

    @Column(name = "customer_id", nullable = false)
    public UUID customerId;

    @Column(nullable = false)
    public byte[] pdf;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
