package io.receivables.dunning.task.service;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;

import io.receivables.common.audit.AuditLog;
import io.receivables.common.audit.AuditSummary;
import io.receivables.common.concurrency.ExpectedVersion;
import io.receivables.common.concurrency.IfMatch;
import io.receivables.common.paging.Page;
import io.receivables.common.problem.ProblemException;
import io.receivables.common.problem.ProblemType;
import io.receivables.contracts.events.Actor;
import io.receivables.dunning.message.Message;
import io.receivables.dunning.task.CallOutcome;
import io.receivables.dunning.task.Task;
import io.receivables.dunning.task.TaskStatus;
import io.receivables.dunning.task.repository.TaskRepository;
import io.smallrye.mutiny.Uni;

/**
 * The collectors' phone tasks: created when a PHONE_TASK message is delivered, assigned, completed. Joins the caller's
 * transaction.
 */
@ApplicationScoped
public class Tasks {

    private final TaskRepository tasks;
    private final AuditLog audit;
    private final Clock clock;

    @Inject
    public Tasks(TaskRepository tasks, AuditLog audit, Clock clock) {
        this.tasks = tasks;
        this.audit = audit;
        this.clock = clock;
    }

    /** Assigns the task to a collector (or to another one). */
    public record Assign(UUID taskId, String assignee) {
    }

    /** Closes the task with what came of the call. */
    public record Complete(UUID taskId, CallOutcome outcome, String note) {
    }

    /** The delivery of a PHONE_TASK message: an OPEN task in the queue, in the delivery's transaction. */
    public Uni<Task> open(Message message) {
        Task task = new Task();
        task.id = UUID.randomUUID();
        task.messageId = message.id;
        task.customerId = message.customerId;
        task.phone = message.recipient;
        task.script = message.textBody;
        task.status = TaskStatus.OPEN;
        task.createdAt = now();
        return tasks.persist(task);
    }

    public Uni<Task> get(UUID id) {
        return tasks.findById(id).onItem().ifNull().failWith(() -> notFound(id));
    }

    public Uni<Page<Task>> page(TaskStatus status, String assignee, UUID customerId, String cursor, int limit) {
        return tasks.page(status, assignee, customerId, cursor, limit);
    }

    public Uni<Task> assign(Actor actor, Assign command, ExpectedVersion expected) {
        return locked(command.taskId(), expected).chain(task -> {
            requireOpen(task);
            String before = task.assignee;
            task.assignee = command.assignee();
            return audit.record(actor, "assignTask", "dunning-task", task.id,
                    AuditSummary.of().change("assignee", before, command.assignee())).call(tasks::flush)
                    .replaceWith(task);
        });
    }

    public Uni<Task> complete(Actor actor, Complete command, ExpectedVersion expected) {
        return locked(command.taskId(), expected).chain(task -> {
            requireOpen(task);
            task.status = TaskStatus.DONE;
            task.outcome = command.outcome();
            task.note = command.note();
            task.completedAt = now();
            task.completedBy = actor.displayName();
            return audit.record(actor, "completeTask", "dunning-task", task.id,
                    AuditSummary.of().change("status", TaskStatus.OPEN, TaskStatus.DONE)
                            .value("outcome", command.outcome()).value("note", command.note()))
                    .call(tasks::flush).replaceWith(task);
        });
    }

    private Uni<Task> locked(UUID id, ExpectedVersion expected) {
        return tasks.findById(id, LockModeType.PESSIMISTIC_WRITE).onItem().ifNull().failWith(() -> notFound(id))
                .invoke(task -> IfMatch.check(expected, task.version, "Task " + id));
    }

    private static void requireOpen(Task task) {
        if (task.status != TaskStatus.OPEN) {
            throw new ProblemException(ProblemType.CONFLICT, "Task " + task.id + " is " + task.status
                    + " (" + task.outcome + "): a completed task does not change", List.of());
        }
    }

    private static ProblemException notFound(UUID id) {
        return ProblemException.notFound("No task " + id);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
