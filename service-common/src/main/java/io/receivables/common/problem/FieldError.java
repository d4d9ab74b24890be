package io.receivables.common.problem;

/** One rejected input: the JSON path of the field (e.g. {@code lines[0].unitPrice}) and why it was rejected. */
public record FieldError(String field, String message) {
}
