package io.receivables.disputes.evidence.service;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.receivables.common.problem.FieldError;
import io.receivables.common.problem.ProblemException;
import io.receivables.common.problem.ProblemType;
import io.receivables.disputes.evidence.EvidenceLimits;
import io.receivables.disputes.evidence.FileType;

/**
 * An uploaded file whose type was read from its content, with its SHA-256. The declared Content-Type decides nothing:
 * {@code application/octet-stream} (or none) leaves the type to the content; a specific type must be the one the
 * content has, or the upload is refused, since a client that says PNG and sends a PDF is confused or probing.
 */
public record InspectedFile(FileType type, byte[] content, String sha256) {

    static final String FIELD = "body";
    private static final String ACCEPTED = "a PDF (%PDF-), PNG or JPEG file, recognised by its first bytes;"
            + " neither the file name nor the Content-Type counts";

    /**
     * @param declaredType the request's media type without parameters, e.g. {@code image/png}; null when none
     * @throws ProblemException 400 for an empty body, 413 above {@link EvidenceLimits#ATTACHMENT_MAX_BYTES}, 415 for
     *         content of another type or a declared type the content does not have
     */
    public static InspectedFile of(byte[] body, String declaredType) {
        if (body == null || body.length == 0) {
            throw ProblemException.invalid(FIELD, "the file is empty: send its bytes as the request body");
        }
        if (body.length > EvidenceLimits.ATTACHMENT_MAX_BYTES) {
            throw new ProblemException(ProblemType.PAYLOAD_TOO_LARGE, "The file has " + body.length
                    + " bytes; at most " + EvidenceLimits.ATTACHMENT_MAX_BYTES + " are accepted",
                    List.of(new FieldError(FIELD, "must be at most " + EvidenceLimits.ATTACHMENT_MAX_BYTES + " bytes")));
        }
        FileType type = FileType.of(body).orElseThrow(() -> unsupported("the content is not " + ACCEPTED));
        String declared = declaredType == null ? null : declaredType.toLowerCase(Locale.ROOT);
        if (declared != null && !declared.equals("application/octet-stream")) {
            Optional<FileType> said = FileType.ofMediaType(declared);
            if (said.isEmpty() || said.get() != type) {
                throw unsupported("the Content-Type says " + declared + " but the content is " + type.mediaType()
                        + ": declare " + type.mediaType() + " or application/octet-stream");
            }
        }
        return new InspectedFile(type, body, sha256(body));
    }

    private static ProblemException unsupported(String message) {
        return new ProblemException(ProblemType.UNSUPPORTED_MEDIA_TYPE, FIELD + ": " + message,
                List.of(new FieldError(FIELD, message)));
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
