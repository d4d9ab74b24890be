package io.receivables.disputes.evidence.service;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.receivables.common.audit.AuditLog;
import io.receivables.common.audit.AuditSummary;
import io.receivables.common.paging.Cursors;
import io.receivables.common.paging.Page;
import io.receivables.common.problem.FieldError;
import io.receivables.common.problem.ProblemException;
import io.receivables.common.problem.ProblemType;
import io.receivables.contracts.events.Actor;
import io.receivables.disputes.dispute.Dispute;
import io.receivables.disputes.evidence.Audience;
import io.receivables.disputes.evidence.DisputeComment;
import io.receivables.disputes.evidence.Position;
import io.receivables.disputes.evidence.Visibility;
import io.receivables.disputes.evidence.repository.CommentRepository;
import io.smallrye.mutiny.Uni;

/**
 * A dispute's comments. A customer writes and reads only customer-visible ones on its own customer's disputes. A staff
 * comment visible to the customer is the dispute's first response when it has none yet: it is stamped in the
 * comment's transaction, under the dispute's row lock, since the first-response SLA stops there.
 */
@ApplicationScoped
public class Comments {

    public static final String OPERATION = "addDisputeComment";

    private final DisputeAccess access;
    private final CommentRepository comments;
    private final AuditLog audit;
    private final Clock clock;

    @Inject
    public Comments(DisputeAccess access, CommentRepository comments, AuditLog audit, Clock clock) {
        this.access = access;
        this.comments = comments;
        this.audit = audit;
        this.clock = clock;
    }

    /** In the caller's transaction: the comment as written. */
    public Uni<DisputeComment> add(Actor actor, Audience audience, UUID disputeId, AddComment command) {
        if (audience.isCustomer() && command.visibility() != Visibility.CUSTOMER) {
            return Uni.createFrom().failure(customerWritesOnlyCustomerVisible());
        }
        boolean mayAnswer = !audience.isCustomer() && command.visibility() == Visibility.CUSTOMER;
        // only a comment that may be the first response changes the dispute, so only it takes the dispute's lock
        Uni<Dispute> dispute = mayAnswer ? access.lock(disputeId, audience) : access.read(disputeId, audience);
        return dispute.chain(found -> {
            Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
            DisputeComment comment = new DisputeComment();
            comment.id = UUID.randomUUID();
            comment.disputeId = disputeId;
            comment.createdAt = now;
            comment.visibility = command.visibility();
            comment.author = audience.author();
            comment.actorKind = actor.kind().name();
            comment.actorId = actor.id();
            comment.actorUsername = actor.username();
            comment.text = command.text();
            AuditSummary summary = AuditSummary.of().value("commentId", comment.id)
                    .value("visibility", comment.visibility).value("author", comment.author);
            if (mayAnswer && found.firstResponseAt == null) {
                // the managed entity: flushed with a new version, so a concurrent change of the dispute cannot undo it
                found.firstResponseAt = now;
                found.updatedAt = now;
                summary.change("firstResponseAt", null, now);
            }
            return comments.persist(comment)
                    .chain(() -> audit.record(actor, OPERATION, "dispute", disputeId, summary))
                    .replaceWith(comment);
        });
    }

    /** A page of the dispute's comments the audience may see, oldest first. */
    @WithSession
    public Uni<Page<DisputeComment>> page(Audience audience, UUID disputeId, Position after, int limit) {
        return access.read(disputeId, audience)
                .chain(() -> comments.page(disputeId, audience.isCustomer(), after, limit + 1))
                .map(rows -> Cursors.page(rows, limit, last -> new Position(last.createdAt, last.id).encode()));
    }

    static ProblemException customerWritesOnlyCustomerVisible() {
        return new ProblemException(ProblemType.FORBIDDEN,
                "visibility: a customer writes only CUSTOMER-visible comments and attachments",
                List.of(new FieldError("visibility", "must be CUSTOMER for a customer's token")));
    }
}
