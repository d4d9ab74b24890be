package io.receivables.disputes.evidence.repository;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.receivables.disputes.evidence.AttachmentContent;

/** Attachments' bytes: read only to download one. */
@ApplicationScoped
public class AttachmentContentRepository implements PanacheRepositoryBase<AttachmentContent, UUID> {
}
