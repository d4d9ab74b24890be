package io.receivables.disputes.evidence;

import java.nio.charset.StandardCharsets;
import java.util.List;

import io.receivables.common.problem.FieldError;

/**
 * An uploaded file's name, made safe to store, list and send back in a Content-Disposition header: the last segment of a
 * path (a browser on Windows may send {@code C:\Users\...\invoice.pdf}), no control or bidirectional formatting
 * characters (which disguise {@code exe.pdf} as {@code fdp.exe}), and ending in the extension of the type its content
 * has, so that a PDF saved from a download named {@code page.html} opens as a PDF ({@code page.html.pdf}).
 */
public final class FileNames {

    static final String FIELD = "fileName";

    private FileNames() {
    }

    /** The name to store, or null with the reason added to {@code errors}. */
    public static String safe(String uploaded, List<FieldError> errors) {
        String name = EvidenceText.check(FIELD, uploaded, EvidenceLimits.FILE_NAME_MAX_LENGTH, false, errors);
        if (name == null) {
            return null;
        }
        if (name.codePoints().anyMatch(c -> Character.getType(c) == Character.FORMAT)) {
            errors.add(new FieldError(FIELD, "must not contain invisible formatting characters such as U+202E"));
            return null;
        }
        String last = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1).strip();
        if (last.isEmpty() || last.chars().allMatch(c -> c == '.')) {
            errors.add(new FieldError(FIELD, "must name a file, not a directory"));
            return null;
        }
        return last;
    }

    /** {@code name} ending in an extension of {@code type}. */
    public static String withExtension(String name, FileType type) {
        return type.named(name) ? name : name + "." + type.extension();
    }

    /**
     * {@code attachment} with the name twice (RFC 6266): {@code filename} in printable ASCII with anything else, quotes
     * and backslashes replaced by {@code _}, for old clients, and {@code filename*} as UTF-8, percent-encoded.
     */
    public static String contentDisposition(String name) {
        StringBuilder ascii = new StringBuilder();
        name.codePoints().forEach(c -> ascii.append(c >= 0x20 && c < 0x7F && c != '"' && c != '\\' ? (char) c : '_'));
        StringBuilder encoded = new StringBuilder();
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if (c < 0x80 && (Character.isLetterOrDigit(c) || "!#$&+-.^_`|~".indexOf(c) >= 0)) {
                encoded.append((char) c);
            } else {
                encoded.append('%').append(String.format("%02X", c));
            }
        }
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
    }
}
