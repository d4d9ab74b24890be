package io.receivables.disputes.evidence;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;

/**
 * What is known of an attachment without its bytes (those are {@link AttachmentContent}, read only to download it):
 * listing a dispute's attachments or its timeline never loads a file.
 */
@Entity
@Immutable
@Table(name = "dispute_attachment")
public class DisputeAttachment {

    @Id
    public UUID id;

    @Column(name = "dispute_id", nullable = false)
    public UUID disputeId;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public Visibility visibility;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public Author author;

    @Column(name = "actor_kind", nullable = false, length = 16)
    public String actorKind;

    @Column(name = "actor_id", nullable = false)
    public String actorId;

    @Column(name = "actor_username")
    public String actorUsername;

    @Column(name = "file_name", nullable = false, length = 255)
    public String fileName;

    /** {@link FileType#mediaType()} of the content as read from its first bytes. */
    @Column(name = "content_type", nullable = false, length = 32)
    public String contentType;

    @Column(name = "size_bytes", nullable = false)
    public long sizeBytes;

    /** Hex SHA-256 of the content. */
    @Column(nullable = false, length = 64)
    public String sha256;
}
