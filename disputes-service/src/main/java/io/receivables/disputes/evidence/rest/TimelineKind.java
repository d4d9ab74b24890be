package io.receivables.disputes.evidence.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.receivables.disputes.dispute.DisputeActivity;

/** What a timeline entry is: one of the dispute's activities, a comment or an attachment. */
@Schema(name = "DisputeTimelineKind")
public enum TimelineKind {
    OPENED,
    STATE_CHANGED,
    ASSIGNED,
    RESOLVED,
    WITHDRAWN,
    REOPENED,
    SLA_BREACHED,
    COMMENT,
    ATTACHMENT;

    /** Exhaustive on purpose: a new kind of activity must be placed here (and in what a customer sees) to compile. */
    static TimelineKind of(DisputeActivity.Kind kind) {
        return switch (kind) {
            case OPENED -> OPENED;
            case STATE_CHANGED -> STATE_CHANGED;
            case ASSIGNED -> ASSIGNED;
            case RESOLVED -> RESOLVED;
            case WITHDRAWN -> WITHDRAWN;
            case REOPENED -> REOPENED;
            case SLA_BREACHED -> SLA_BREACHED;
        };
    }
}
