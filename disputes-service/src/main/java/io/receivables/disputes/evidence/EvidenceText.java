package io.receivables.disputes.evidence;

import java.util.List;

import io.receivables.common.problem.FieldError;
import io.receivables.common.text.FreeText;

/**
 * The checks free text of the conversation passes before it is stored: a comment may span lines (tab, line feed and
 * carriage return are kept) but holds no other control character, no NUL (PostgreSQL cannot store one) and no lone
 * surrogate (it has no UTF-8 form, so the database would refuse it with a 500). Lengths count code points, as the
 * VARCHAR columns do.
 */
public final class EvidenceText {

    static final String CONTROL_MESSAGE = "must not contain control characters other than tab and line breaks";
    static final String SURROGATE_MESSAGE = "must not contain an unpaired UTF-16 surrogate (it is not a character)";

    private EvidenceText() {
    }

    /**
     * {@code text} stripped, or null with the reason added to {@code errors} for {@code field}.
     *
     * @param lineBreaks whether tab and line breaks are allowed (a comment) or not (a file name)
     */
    public static String check(String field, String text, int maxLength, boolean lineBreaks, List<FieldError> errors) {
        String stripped = FreeText.optional(text);
        if (stripped == null) {
            errors.add(new FieldError(field, "is required and must not be blank"));
            return null;
        }
        String reason = refusal(stripped, lineBreaks);
        if (reason != null) {
            errors.add(new FieldError(field, reason));
            return null;
        }
        int length = stripped.codePointCount(0, stripped.length());
        if (length > maxLength) {
            errors.add(new FieldError(field, "must be at most " + maxLength + " characters; it has " + length));
            return null;
        }
        return stripped;
    }

    private static String refusal(String text, boolean lineBreaks) {
        if (FreeText.hasNul(text)) {
            return FreeText.NUL_MESSAGE;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
                continue;
            }
            if (Character.isSurrogate(c)) {
                return SURROGATE_MESSAGE;
            }
            boolean lineBreak = c == '\t' || c == '\n' || c == '\r';
            if (Character.getType(c) == Character.CONTROL && !(lineBreaks && lineBreak)) {
                return lineBreaks ? CONTROL_MESSAGE : "must not contain control characters (tab and line breaks included)";
            }
        }
        return null;
    }
}
