package io.receivables.common.idempotency;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * SHA-256 of the deserialized request written as canonical JSON (keys sorted at every level). Hashing what was
 * understood rather than the raw bytes makes a retry with other whitespace or field order the same request, and an
 * absent optional field the same as an explicit null.
 */
@ApplicationScoped
public class RequestFingerprint {

    private final ObjectMapper mapper;
    private final ObjectWriter canonical;

    @Inject
    public RequestFingerprint(ObjectMapper mapper) {
        this.mapper = mapper;
        this.canonical = mapper.writer().with(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
    }

    /** Hex SHA-256; {@code request} may be null (a POST without a body). */
    public String of(Object request) {
        // through a tree of maps first: ORDER_MAP_ENTRIES_BY_KEYS sorts map entries, not a record's properties
        Object tree = mapper.convertValue(request, Object.class);
        try {
            byte[] json = canonical.writeValueAsString(tree).getBytes(StandardCharsets.UTF_8);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(json));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("Cannot fingerprint the request", e);
        }
    }

}
