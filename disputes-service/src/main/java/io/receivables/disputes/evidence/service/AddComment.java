package io.receivables.disputes.evidence.service;

import io.receivables.disputes.evidence.Visibility;

/** A comment to add: its text, checked (stripped, within the limits), and who may see it. */
public record AddComment(String text, Visibility visibility) {
}
