package io.receivables.common.problem;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import io.receivables.common.json.RejectedValueException;

/**
 * Turns Jackson's reference chain into the field path a client wrote, e.g. {@code lines[2].unitPrice}. Public for code
 * that reads JSON itself (one document per line of an upload) and reports per document instead of failing the request.
 */
public final class JsonPaths {

    /** Jackson's message for a key given twice (JsonParser.Feature.STRICT_DUPLICATE_DETECTION). */
    private static final Pattern DUPLICATE = Pattern.compile("^Duplicate field '(.*)'");

    private JsonPaths() {
    }

    public static String of(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            } else if (ref.getFieldName() != null) {
                if (path.length() > 0) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            }
        }
        return path.toString();
    }

    /**
     * The key a JSON document gives twice, as a field path ({@code lines[0].quantity}), or null when {@code e} is not
     * about a duplicate key. The parser is still positioned in the object that holds the key.
     */
    public static String duplicateKey(JsonProcessingException e) {
        Matcher key = DUPLICATE.matcher(e.getOriginalMessage() == null ? "" : e.getOriginalMessage());
        if (!key.find()) {
            return null;
        }
        StringBuilder path = new StringBuilder();
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            // read through a buffer (a record's creator): Jackson gives the path of the object holding the key
            path.append(of(mapping));
        } else if (e.getProcessor() instanceof JsonParser parser) {
            appendPath(parser.getParsingContext().getParent(), path);
        }
        if (path.length() > 0) {
            path.append('.');
        }
        return path.append(key.group(1)).toString();
    }

    private static void appendPath(JsonStreamContext context, StringBuilder path) {
        if (context == null || context.inRoot()) {
            return;
        }
        appendPath(context.getParent(), path);
        if (context.inArray()) {
            path.append('[').append(context.getCurrentIndex()).append(']');
        } else if (context.getCurrentName() != null) {
            if (path.length() > 0) {
                path.append('.');
            }
            path.append(context.getCurrentName());
        }
    }

    /** A client-facing reason for a JSON value of the wrong kind, e.g. a number where a decimal string is required. */
    public static String describeMismatch(MismatchedInputException e) {
        if (e instanceof RejectedValueException) {
            return e.getOriginalMessage();
        }
        Class<?> target = e.getTargetType();
        String original = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        boolean numberGiven = original.contains("Floating-point value") || original.contains("Integer value")
                || (e instanceof InvalidFormatException invalid && invalid.getValue() instanceof Number);
        if (target == String.class && numberGiven) {
            return "must be a JSON string (amounts and quantities are decimal strings such as \"120.00\"), not a number";
        }
        if (original.contains("END_OF_INPUT") || original.contains("No content")) {
            return "request body is empty";
        }
        if (target != null) {
            return "expected " + describe(target);
        }
        return "value has the wrong type";
    }

    private static String describe(Class<?> target) {
        if (target == String.class) {
            return "a string";
        }
        if (java.util.Collection.class.isAssignableFrom(target) || target.isArray()) {
            return "an array";
        }
        if (target == java.time.LocalDate.class) {
            return "an ISO date such as 2026-11-23";
        }
        if (target == java.util.UUID.class) {
            return "a UUID";
        }
        if (target == Integer.class || target == int.class || target == Long.class || target == long.class) {
            return "a whole number (a JSON number without fraction, not a string)";
        }
        if (target == Boolean.class || target == boolean.class) {
            return "true or false (a JSON boolean, not a string or number)";
        }
        if (Number.class.isAssignableFrom(target) || target.isPrimitive()) {
            return "a number";
        }
        if (target.isEnum()) {
            return "one of " + java.util.Arrays.toString(target.getEnumConstants());
        }
        return "an object";
    }
}
