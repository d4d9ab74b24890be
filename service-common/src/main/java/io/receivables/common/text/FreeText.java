package io.receivables.common.text;

/** Optional free text as stored and published: trimmed, and absent when empty, as the event schemas require. */
public final class FreeText {

    /** Why a text with a NUL character is refused: PostgreSQL cannot store one in a text column. */
    public static final String NUL_MESSAGE = "must not contain the NUL character (U+0000)";

    private FreeText() {
    }

    /** {@code text} stripped, or null when it is null or blank. */
    public static String optional(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    /** True when {@code text} holds a NUL character, which no text column can store. */
    public static boolean hasNul(CharSequence text) {
        if (text == null) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\u0000') {
                return true;
            }
        }
        return false;
    }
}
