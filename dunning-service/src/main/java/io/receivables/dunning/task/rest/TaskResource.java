package io.receivables.dunning.task.rest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.receivables.common.concurrency.IfMatch;
import io.receivables.common.problem.FieldError;
import io.receivables.common.problem.Problem;
import io.receivables.common.query.QueryParameters;
import io.receivables.common.security.Caller;
import io.receivables.dunning.task.Task;
import io.receivables.dunning.task.TaskStatus;
import io.receivables.dunning.task.service.Tasks;
import io.smallrye.mutiny.Uni;

@Path("/tasks")
@Tag(name = "Phone tasks", description = "The collectors' queue of calls: PHONE_TASK messages delivered")
@Produces(MediaType.APPLICATION_JSON)
public class TaskResource {

    private final Tasks tasks;
    private final Caller caller;

    @Inject
    public TaskResource(Tasks tasks, Caller caller) {
        this.tasks = tasks;
        this.caller = caller;
    }

    /** A page of tasks; {@code nextCursor} is absent on the last page. */
    public record TaskPage(List<TaskResponse> items,
            @Schema(nullable = true, description = "null on the last page") String nextCursor) {
    }

    @WithSession
    @GET
    @Operation(operationId = "listTasks", summary = "The phone tasks, newest first", description = "Filtered by status, assignee and customer (each optional). Cursor pagination: pass nextCursor as cursor for the next page.")
    @APIResponse(responseCode = "200", description = "A page of tasks", content = @Content(schema = @Schema(implementation = TaskPage.class)))
    @APIResponse(responseCode = "400", description = "A bad filter, limit or cursor, named", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<TaskPage> list(
            @Parameter(schema = @Schema(implementation = TaskStatus.class)) @QueryParam("status") String status,
            @Parameter(description = "A collector's username") @QueryParam("assignee") String assignee,
            @Parameter(schema = @Schema(type = SchemaType.STRING, format = "uuid")) @QueryParam("customerId") String customerId,
            @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor,
            @Parameter(description = "Page size, 1 to 100; default 50", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100", defaultValue = "50")) @QueryParam("limit") String limit) {
        List<FieldError> errors = new ArrayList<>();
        TaskStatus validStatus = status(status, errors);
        String validAssignee = QueryParameters.text("assignee", assignee, errors);
        UUID customer = QueryParameters.uuid("customerId", customerId, errors);
        String validCursor = QueryParameters.text("cursor", cursor, errors);
        int size = QueryParameters.limit("limit", limit, 50, 100, errors);
        QueryParameters.rejectIfAny(errors);
        return tasks.page(validStatus, validAssignee, customer, validCursor, size).map(page -> new TaskPage(
                page.items().stream().map(TaskResponse::of).toList(), page.nextCursor()));
    }

    @WithSession
    @GET
    @Path("{id}")
    @Operation(operationId = "getTask", summary = "A phone task", description = "The ETag is its version, to send in If-Match when assigning or completing it.")
    @APIResponse(responseCode = "200", description = "The task", content = @Content(schema = @Schema(implementation = TaskResponse.class)))
    @APIResponse(responseCode = "404", description = "No such task", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> get(@PathParam("id") UUID id) {
        return tasks.get(id).map(TaskResource::withTag);
    }

    @WithTransaction
    @POST
    @Path("{id}/assignment")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "assignTask", summary = "Assign a phone task to a collector", description = "Needs If-Match with the task's ETag. An OPEN task only (409 once completed). Audited.")
    @APIResponse(responseCode = "200", description = "The task, assigned", content = @Content(schema = @Schema(implementation = TaskResponse.class)))
    @APIResponse(responseCode = "400", description = "No assignee, or a malformed If-Match", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such task", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The task is completed", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "The task changed since it was read", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "If-Match is missing", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> assign(@PathParam("id") UUID id,
            @Parameter(description = "The ETag from GET /tasks/{id}, e.g. \"0\"") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull(message = "a JSON body is required") @Valid AssignmentRequest request) {
        return IfMatch.expecting(ifMatch, expected -> tasks.assign(caller.actor(),
                new Tasks.Assign(id, request.assignee().strip()), expected)).map(TaskResource::withTag);
    }

    @WithTransaction
    @POST
    @Path("{id}/completion")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "completeTask", summary = "Complete a phone task with the call's outcome", description = "Needs If-Match with the task's ETag. The task becomes DONE with the outcome, the note, who and when; a completed task does not change again (409). Audited.")
    @APIResponse(responseCode = "200", description = "The task, DONE", content = @Content(schema = @Schema(implementation = TaskResponse.class)))
    @APIResponse(responseCode = "400", description = "No or an unknown outcome, a note too long, or a malformed If-Match", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such task", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The task is completed already", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "The task changed since it was read", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "If-Match is missing", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> complete(@PathParam("id") UUID id,
            @Parameter(description = "The ETag from GET /tasks/{id}, e.g. \"1\"") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull(message = "a JSON body is required") @Valid CompletionRequest request) {
        String note = request.note() == null || request.note().isBlank() ? null : request.note().strip();
        return IfMatch.expecting(ifMatch, expected -> tasks.complete(caller.actor(),
                new Tasks.Complete(id, request.outcome(), note), expected)).map(TaskResource::withTag);
    }

    private static Response withTag(Task task) {
        return Response.ok(TaskResponse.of(task)).tag(IfMatch.etag(task.version)).build();
    }

    private static TaskStatus status(String value, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return TaskStatus.valueOf(value);
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError("status", "must be one of " + Arrays.toString(TaskStatus.values())));
            return null;
        }
    }
}
