package io.receivables.disputes.evidence;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;

/** An attachment's bytes (bytea), apart from its {@link DisputeAttachment metadata}. */
@Entity
@Immutable
@Table(name = "dispute_attachment_content")
public class AttachmentContent {

    @Id
    @Column(name = "attachment_id")
    public UUID attachmentId;

    @Column(nullable = false)
    public byte[] content;
}
