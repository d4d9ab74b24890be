package io.receivables.common.text;

/** Optional free text as stored and published: trimmed, and absent when empty, as the event schemas require. */
public final class FreeText {

    private FreeText() {
    }

    /** {@code text} stripped, or null when it is null or blank. */
    public static String optional(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
