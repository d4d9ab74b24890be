package io.receivables.common.idempotency;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The part of a response that a retry gets back: status, body, {@code Content-Type}, {@code Location} and {@code ETag}. The
 * first
 * response is rebuilt from this too, so that the first answer and every replay are the same bytes.
 */
record RecordedResponse(int status, String body, String contentType, String location, String etag) {

    static RecordedResponse of(Response response, ObjectMapper mapper) {
        Object entity = response.getEntity();
        String body;
        try {
            body = entity == null || entity instanceof String ? (String) entity : mapper.writeValueAsString(entity);
        } catch (JsonProcessingException e) {
            // our own response failed to serialize: a server error (500), not a client's bad JSON
            throw new IllegalStateException("Cannot record the response", e);
        }
        MediaType type = response.getMediaType();
        String location = response.getLocation() == null ? null : response.getLocation().toString();
        String etag = response.getEntityTag() == null ? null : response.getEntityTag().toString();
        return new RecordedResponse(response.getStatus(), body,
                type == null ? MediaType.APPLICATION_JSON : type.toString(), location, etag);
    }

    Response toResponse() {
        Response.ResponseBuilder builder = Response.status(status);
        if (body != null) {
            builder.entity(body).type(contentType);
        }
        if (location != null) {
            builder.header(HttpHeaders.LOCATION, location);
        }
        if (etag != null) {
            builder.header(HttpHeaders.ETAG, etag);
        }
        return builder.build();
    }
}
