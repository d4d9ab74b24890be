package io.receivables.disputes.evidence.rest;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.receivables.common.idempotency.Idempotency;
import io.receivables.common.problem.FieldError;
import io.receivables.common.problem.Problem;
import io.receivables.common.query.QueryParameters;
import io.receivables.common.security.Caller;
import io.receivables.contracts.events.Actor;
import io.receivables.disputes.evidence.Audience;
import io.receivables.disputes.evidence.EvidenceLimits;
import io.receivables.disputes.evidence.FileNames;
import io.receivables.disputes.evidence.Position;
import io.receivables.disputes.evidence.Visibility;
import io.receivables.disputes.evidence.service.AddAttachment;
import io.receivables.disputes.evidence.service.Attachments;
import io.receivables.disputes.evidence.service.InspectedFile;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;

/**
 * Evidence files. The upload is the file itself as the raw request body, its name and visibility in the query: the body
 * is then exactly the file, so the HTTP edge's body limit (quarkus.http.limits.max-body-size, 10 MiB, answered 413 by
 * service-common's HttpEdgeGuard before the body is read) is exactly the attachment limit; a multipart envelope would
 * take a few hundred bytes of it and need the limit raised for every route.
 */
@Path("/disputes/{id}/attachments")
@Tag(name = "Dispute conversation", description = "Comments, attachments and the timeline of a dispute")
public class DisputeAttachmentResource {

    static final String PDF = "application/pdf";
    static final String PNG = "image/png";
    static final String JPEG = "image/jpeg";

    private final Attachments attachments;
    private final Idempotency idempotency;
    private final Caller caller;
    private final Vertx vertx;

    @Inject
    public DisputeAttachmentResource(Attachments attachments, Idempotency idempotency, Caller caller, Vertx vertx) {
        this.attachments = attachments;
        this.idempotency = idempotency;
        this.caller = caller;
        this.vertx = vertx;
    }

    /** What the upload's fingerprint for Idempotency-Key is made of: the file by its hash, not its bytes. */
    record Upload(UUID disputeId, String fileName, Visibility visibility, String declaredType, String sha256) {
    }

    @POST
    @Consumes({ PDF, PNG, JPEG, MediaType.APPLICATION_OCTET_STREAM })
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "addDisputeAttachment", summary = "Attach a file to a dispute", description = "The file is the raw request body: a PDF, PNG or JPEG of 1 byte to 10 MiB (10,485,760 bytes). Its type is read from its first bytes (%PDF-, \\x89PNG\\r\\n\\x1a\\n, \\xFF\\xD8\\xFF), never from its name or the Content-Type; send the type's Content-Type or application/octet-stream; a Content-Type the content does not have is refused. fileName is stored without any path and gains the type's extension when it lacks it. INTERNAL is seen by staff only, CUSTOMER by the dispute's customer too (the only one a customer's token may add, on its own customer's disputes). Stored in the service's database with its SHA-256. Audited; publishes nothing.")
    @RequestBody(required = true, content = {
            @Content(mediaType = PDF, schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = PNG, schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = JPEG, schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = MediaType.APPLICATION_OCTET_STREAM, schema = @Schema(type = SchemaType.STRING, format = "binary")) })
    @APIResponse(responseCode = "201", description = "Stored", content = @Content(schema = @Schema(implementation = AttachmentResponse.class)))
    @APIResponse(responseCode = "400", description = "An empty body; fileName missing, blank, over 250 characters or with control or formatting characters; visibility missing or unknown; a bad Idempotency-Key", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "The token's roles do not allow this operation, or a customer's token asked for an INTERNAL attachment (errors names visibility)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "not-found: no such dispute, or another customer's", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "payload-too-large: the file is over 10 MiB; nothing stored", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "415", description = "unsupported-media-type: the content is not a PDF, PNG or JPEG (an executable or HTML page renamed .pdf, say), or the Content-Type names another type than the content has; nothing stored", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> add(@PathParam("id") UUID id,
            @Parameter(required = true, description = "The file's name, 1 to 250 characters; a path is cut to its last part", schema = @Schema(type = SchemaType.STRING, maxLength = EvidenceLimits.FILE_NAME_MAX_LENGTH)) @QueryParam("fileName") String fileName,
            @Parameter(required = true, description = "INTERNAL or CUSTOMER", schema = @Schema(implementation = Visibility.class)) @QueryParam("visibility") String visibility,
            @Parameter(name = Idempotency.HEADER, in = ParameterIn.HEADER, description = Idempotency.HEADER_DESCRIPTION) @HeaderParam(Idempotency.HEADER) String idempotencyKey,
            @Context HttpHeaders headers, byte[] body) {
        Actor actor = caller.actor();
        Audience audience = Audiences.of(caller);
        List<FieldError> errors = new ArrayList<>();
        String name = FileNames.safe(fileName, errors);
        Visibility seenBy = visibility(visibility, errors);
        QueryParameters.rejectIfAny(errors);
        MediaType declared = headers.getMediaType();
        String declaredType = declared == null ? null : declared.getType() + "/" + declared.getSubtype();
        // reading the signature is instant, but hashing 10 MiB is not: off the event loop, then back to this
        // request's context for the transaction
        return vertx.executeBlocking(Uni.createFrom().item(() -> InspectedFile.of(body, declaredType)), false)
                .chain(file -> Panache.withTransaction(() -> idempotency.handle(idempotencyKey,
                        "POST /disputes/" + id + "/attachments",
                        new Upload(id, name, seenBy, declaredType, file.sha256()),
                        () -> attachments.add(actor, audience, id, new AddAttachment(name, seenBy, file))
                                .map(attachment -> Response.status(Response.Status.CREATED)
                                        .type(MediaType.APPLICATION_JSON)
                                        .entity(AttachmentResponse.of(attachment, audience)).build()))));
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "listDisputeAttachments", summary = "List a dispute's attachments, oldest first", description = "Their metadata (name, type, size, SHA-256), never their bytes. A customer's token sees only the CUSTOMER attachments of its own customer's disputes. Cursor pagination: pass nextCursor as cursor for the next page.")
    @APIResponse(responseCode = "200", description = "A page of attachments", content = @Content(schema = @Schema(implementation = AttachmentPage.class)))
    @APIResponse(responseCode = "400", description = "A bad limit or cursor, named", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "not-found: no such dispute, or another customer's", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<AttachmentPage> list(@PathParam("id") UUID id,
            @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor,
            @Parameter(description = "Page size, 1 to 500; default 50", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "500", defaultValue = "50")) @QueryParam("limit") String limit) {
        List<FieldError> errors = new ArrayList<>();
        int size = QueryParameters.limit("limit", limit, 50, 500, errors);
        QueryParameters.rejectIfAny(errors);
        Position after = Position.decode(QueryParameters.text("cursor", cursor, errors));
        QueryParameters.rejectIfAny(errors);
        Audience audience = Audiences.of(caller);
        return attachments.page(audience, id, after, size).map(page -> new AttachmentPage(
                page.items().stream().map(attachment -> AttachmentResponse.of(attachment, audience)).toList(),
                page.nextCursor()));
    }

    @GET
    @Path("{attachmentId}")
    @Produces({ PDF, PNG, JPEG })
    @Operation(operationId = "getDisputeAttachment", summary = "Download an attachment", description = "The file byte for byte as it was uploaded, with the Content-Type read from it at upload, Content-Disposition attachment with its safe name, and X-Content-Type-Options: nosniff (a browser never guesses another type). A customer's token downloads only the CUSTOMER attachments of its own customer's disputes.")
    @APIResponse(responseCode = "200", description = "The file", headers = {
            @Header(name = HttpHeaders.CONTENT_DISPOSITION, description = "attachment; filename=\"<name in ASCII>\"; filename*=UTF-8''<name percent-encoded>", schema = @Schema(type = SchemaType.STRING)),
            @Header(name = "X-Content-Type-Options", description = "nosniff", schema = @Schema(type = SchemaType.STRING, enumeration = "nosniff")) }, content = {
                    @Content(mediaType = PDF, schema = @Schema(type = SchemaType.STRING, format = "binary")),
                    @Content(mediaType = PNG, schema = @Schema(type = SchemaType.STRING, format = "binary")),
                    @Content(mediaType = JPEG, schema = @Schema(type = SchemaType.STRING, format = "binary")) })
    @APIResponse(responseCode = "404", description = "not-found: no such dispute, or another customer's, or no such attachment on it (or, for a customer's token, an INTERNAL one)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> download(@PathParam("id") UUID id, @PathParam("attachmentId") UUID attachmentId) {
        return attachments.download(Audiences.of(caller), id, attachmentId)
                .map(download -> Response.ok(download.content(), download.attachment().contentType)
                        .header(HttpHeaders.CONTENT_DISPOSITION,
                                FileNames.contentDisposition(download.attachment().fileName))
                        .header("X-Content-Type-Options", "nosniff")
                        // opened in a browser tab all the same: no script, no plugin, no requests of its own
                        .header("Content-Security-Policy", "default-src 'none'; sandbox")
                        .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                        .build());
    }

    /** A page of attachments; {@code nextCursor} is absent on the last page. */
    @Schema(name = "DisputeAttachmentPage")
    public record AttachmentPage(List<AttachmentResponse> items,
            @Schema(nullable = true, description = "null on the last page") String nextCursor) {
    }

    private static Visibility visibility(String value, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldError("visibility", "is required: INTERNAL or CUSTOMER"));
            return null;
        }
        try {
            return Visibility.valueOf(value);
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError("visibility", "must be INTERNAL or CUSTOMER"));
            return null;
        }
    }
}
