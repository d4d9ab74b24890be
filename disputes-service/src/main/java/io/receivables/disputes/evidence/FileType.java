package io.receivables.disputes.evidence;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The kinds of file a dispute takes as evidence, each recognised by the first bytes of its content (its signature), never
 * by its name or the Content-Type a client declares: a renamed executable or HTML page is none of these.
 */
public enum FileType {
    PDF("application/pdf", "pdf", new byte[] { '%', 'P', 'D', 'F', '-' }),
    PNG("image/png", "png", new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' }),
    JPEG("image/jpeg", "jpg", new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF });

    private final String mediaType;
    private final String extension;
    private final byte[] signature;

    FileType(String mediaType, String extension, byte[] signature) {
        this.mediaType = mediaType;
        this.extension = extension;
        this.signature = signature;
    }

    public String mediaType() {
        return mediaType;
    }

    /** The extension a downloaded file of this type is saved with (without the dot). */
    public String extension() {
        return extension;
    }

    /** Whether {@code fileName} already ends in an extension of this type ({@code .jpeg} counts for JPEG). */
    public boolean named(String fileName) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        return lower.endsWith("." + extension) || this == JPEG && lower.endsWith(".jpeg");
    }

    /** The type whose signature {@code content} starts with; empty for anything else. */
    public static Optional<FileType> of(byte[] content) {
        return Arrays.stream(values()).filter(type -> type.startsOf(content)).findFirst();
    }

    /** The type of a media type as stored ({@code application/pdf}); empty for any other. */
    public static Optional<FileType> ofMediaType(String mediaType) {
        return Arrays.stream(values()).filter(type -> type.mediaType.equalsIgnoreCase(mediaType)).findFirst();
    }

    private boolean startsOf(byte[] content) {
        return content.length >= signature.length
                && Arrays.equals(content, 0, signature.length, signature, 0, signature.length);
    }
}
