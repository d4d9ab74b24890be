package io.receivables.disputes.evidence.service;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.receivables.common.audit.AuditLog;
import io.receivables.common.audit.AuditSummary;
import io.receivables.common.paging.Cursors;
import io.receivables.common.paging.Page;
import io.receivables.common.problem.ProblemException;
import io.receivables.contracts.events.Actor;
import io.receivables.disputes.evidence.AttachmentContent;
import io.receivables.disputes.evidence.Audience;
import io.receivables.disputes.evidence.DisputeAttachment;
import io.receivables.disputes.evidence.FileNames;
import io.receivables.disputes.evidence.Position;
import io.receivables.disputes.evidence.Visibility;
import io.receivables.disputes.evidence.repository.AttachmentContentRepository;
import io.receivables.disputes.evidence.repository.AttachmentRepository;
import io.smallrye.mutiny.Uni;

/**
 * A dispute's attachments: metadata and bytes written together in one transaction (both or neither), listed without
 * their bytes, downloaded one at a time. Visibility works as for comments.
 */
@ApplicationScoped
public class Attachments {

    public static final String OPERATION = "addDisputeAttachment";

    private final DisputeAccess access;
    private final AttachmentRepository attachments;
    private final AttachmentContentRepository contents;
    private final AuditLog audit;
    private final Clock clock;

    @Inject
    public Attachments(DisputeAccess access, AttachmentRepository attachments, AttachmentContentRepository contents,
            AuditLog audit, Clock clock) {
        this.access = access;
        this.attachments = attachments;
        this.contents = contents;
        this.audit = audit;
        this.clock = clock;
    }

    /** An attachment with its bytes, to download. */
    public record Download(DisputeAttachment attachment, byte[] content) {
    }

    /** In the caller's transaction: the attachment's metadata as written. */
    public Uni<DisputeAttachment> add(Actor actor, Audience audience, UUID disputeId, AddAttachment command) {
        if (audience.isCustomer() && command.visibility() != Visibility.CUSTOMER) {
            return Uni.createFrom().failure(Comments.customerWritesOnlyCustomerVisible());
        }
        return access.read(disputeId, audience).chain(found -> {
            InspectedFile file = command.file();
            DisputeAttachment attachment = new DisputeAttachment();
            attachment.id = UUID.randomUUID();
            attachment.disputeId = disputeId;
            attachment.createdAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
            attachment.visibility = command.visibility();
            attachment.author = audience.author();
            attachment.actorKind = actor.kind().name();
            attachment.actorId = actor.id();
            attachment.actorUsername = actor.username();
            attachment.fileName = FileNames.withExtension(command.fileName(), file.type());
            attachment.contentType = file.type().mediaType();
            attachment.sizeBytes = file.content().length;
            attachment.sha256 = file.sha256();
            AttachmentContent content = new AttachmentContent();
            content.attachmentId = attachment.id;
            content.content = file.content();
            return attachments.persist(attachment)
                    // the metadata row first: the bytes' foreign key refers to it
                    .chain(() -> attachments.flush())
                    .chain(() -> contents.persist(content))
                    .chain(() -> audit.record(actor, OPERATION, "dispute", disputeId, AuditSummary.of()
                            .value("attachmentId", attachment.id).value("fileName", attachment.fileName)
                            .value("contentType", attachment.contentType).value("sizeBytes", attachment.sizeBytes)
                            .value("sha256", attachment.sha256).value("visibility", attachment.visibility)
                            .value("author", attachment.author)))
                    .replaceWith(attachment);
        });
    }

    /** A page of the dispute's attachments the audience may see, oldest first, without their bytes. */
    @WithSession
    public Uni<Page<DisputeAttachment>> page(Audience audience, UUID disputeId, Position after, int limit) {
        return access.read(disputeId, audience)
                .chain(() -> attachments.page(disputeId, audience.isCustomer(), after, limit + 1))
                .map(rows -> Cursors.page(rows, limit, last -> new Position(last.createdAt, last.id).encode()));
    }

    /** The attachment with its bytes; 404 for one of another dispute or, for a customer, an internal one. */
    @WithSession
    public Uni<Download> download(Audience audience, UUID disputeId, UUID attachmentId) {
        return access.read(disputeId, audience).chain(() -> attachments.of(disputeId, attachmentId))
                .chain(attachment -> {
                    if (attachment == null || !audience.maySee(attachment.visibility)) {
                        throw ProblemException.notFound("No attachment " + attachmentId + " on dispute " + disputeId);
                    }
                    return contents.findById(attachmentId)
                            .map(content -> new Download(attachment, content.content));
                });
    }
}
