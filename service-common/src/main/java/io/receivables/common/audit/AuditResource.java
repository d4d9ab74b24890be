package io.receivables.common.audit;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.receivables.common.paging.Page;
import io.receivables.common.problem.Problem;
import io.receivables.common.schema.OptionalTables;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * The audit log of this service, in every service (role matrix: {@code ar-admin}). A service without the audit part's
 * table answers an empty page, like the admin endpoints of a part it does not take.
 */
@Path("/audit")
@Tag(name = "Audit", description = "Who changed what, and when")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    private final AuditLog log;
    private final OptionalTables table;

    @Inject
    public AuditResource(AuditLog log, Pool pool) {
        this.log = log;
        this.table = OptionalTables.of(pool, "audit_log");
    }

    @GET
    @Operation(operationId = "listAuditEntries", summary = "The audit log, newest first", description = "Every state change of this service: when (UTC), who (a user, a service account, or the service itself applying another service's event or running a job: system:<name>), the operation, the entity and what changed. Filters combine. Cursor pagination: pass nextCursor as cursor for the next page. Entries are never changed or deleted.")
    @APIResponse(responseCode = "200", description = "A page of entries", content = @Content(schema = @Schema(implementation = AuditPage.class)))
    @APIResponse(responseCode = "400", description = "A parameter is invalid", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<AuditPage> list(
            @Parameter(description = "Only changes of this entity (e.g. an invoice id)", schema = @Schema(type = SchemaType.STRING, maxLength = 64)) @QueryParam("entityId") String entityId,
            @Parameter(description = "Only changes of this kind of entity, e.g. invoice", schema = @Schema(type = SchemaType.STRING, maxLength = 64)) @QueryParam("entityType") String entityType,
            @Parameter(description = "Only changes by this actor: a username, a token subject, a client id or system:<name>", schema = @Schema(type = SchemaType.STRING, maxLength = 255)) @QueryParam("actor") String actor,
            @Parameter(description = "Changes at or after this UTC instant, e.g. 2026-11-23T00:00:00Z", schema = @Schema(type = SchemaType.STRING, format = "date-time")) @QueryParam("from") String from,
            @Parameter(description = "Changes before this UTC instant", schema = @Schema(type = SchemaType.STRING, format = "date-time")) @QueryParam("to") String to,
            @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor,
            @Parameter(description = "Page size, 1 to 500; default 50", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "500", defaultValue = "50")) @QueryParam("limit") String limit) {
        AuditQuery query = AuditQuery.parse(entityId, entityType, actor, from, to, cursor, limit);
        return table.ifPresent(() -> log.page(query), new Page<>(List.of(), null))
                .map(page -> new AuditPage(page.items(), page.nextCursor()));
    }

    /** A page of audit entries; {@code nextCursor} is absent on the last page. */
    public record AuditPage(List<AuditRecord> items,
            @Schema(nullable = true, description = "null on the last page") String nextCursor) {
    }
}
