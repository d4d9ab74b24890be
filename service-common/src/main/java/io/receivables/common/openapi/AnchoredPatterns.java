package io.receivables.common.openapi;

import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.media.Schema;

import io.quarkus.smallrye.openapi.OpenApiFilter;

/**
 * Bean Validation's {@code @Pattern} matches the whole value, but a JSON Schema {@code pattern} matches anywhere in it:
 * published as written, {@code [A-Z]{3}} would tell a client that {@code "EURO"} is valid. Every pattern is therefore
 * published anchored, as the server applies it.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class AnchoredPatterns implements OASFilter {

    private static final String NOT_BLANK = "\\S";
    private static final String NOT_BLANK_ANCHORED = "^\\s*\\S[\\s\\S]*$";

    @Override
    public Schema filterSchema(Schema schema) {
        if (schema.getPattern() != null) {
            schema.setPattern(anchored(schema.getPattern()));
        }
        return schema;
    }

    static String anchored(String pattern) {
        if (NOT_BLANK.equals(pattern)) {
            // SmallRye's @NotBlank: "contains a non-space character", which must stay a search, not a whole match
            return NOT_BLANK_ANCHORED;
        }
        boolean anchoredAtEnd = pattern.endsWith("$") && !pattern.endsWith("\\$");
        if (pattern.startsWith("^") && anchoredAtEnd) {
            return pattern;
        }
        String body = pattern.substring(pattern.startsWith("^") ? 1 : 0,
                anchoredAtEnd ? pattern.length() - 1 : pattern.length());
        // an alternation must be grouped, or ^a|b$ would anchor only its first and last branch
        return body.contains("|") ? "^(?:" + body + ")$" : "^" + body + "$";
    }
}
