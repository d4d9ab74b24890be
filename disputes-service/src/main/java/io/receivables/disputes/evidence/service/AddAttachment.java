package io.receivables.disputes.evidence.service;

import io.receivables.disputes.evidence.Visibility;

/** A file to attach: its safe name (extension not yet matched to its type), who may see it, and the file inspected. */
public record AddAttachment(String fileName, Visibility visibility, InspectedFile file) {
}
