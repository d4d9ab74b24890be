package io.receivables.dunning.task.rest;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.receivables.dunning.task.CallOutcome;
import io.receivables.dunning.task.Task;
import io.receivables.dunning.task.TaskStatus;

public record TaskResponse(UUID id,
        @Schema(description = "The PHONE_TASK message it delivers: GET /messages/{id}") UUID messageId,
        UUID customerId, @Schema(nullable = true) String phone, @Schema(description = "The call script") String script,
        TaskStatus status, @Schema(nullable = true) String assignee, @Schema(nullable = true) CallOutcome outcome,
        @Schema(nullable = true) String note, @Schema(nullable = true) String completedBy, Instant createdAt,
        @Schema(nullable = true) Instant completedAt, @Schema(description = "The ETag to send in If-Match") long version) {

    public static TaskResponse of(Task t) {
        return new TaskResponse(t.id, t.messageId, t.customerId, t.phone, t.script, t.status, t.assignee, t.outcome,
                t.note, t.completedBy, t.createdAt, t.completedAt, t.version);
    }
}
