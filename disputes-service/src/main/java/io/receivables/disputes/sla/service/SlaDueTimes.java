package io.receivables.disputes.sla.service;

import java.time.Instant;

/**
 * When a dispute's first answer to the customer and its resolution are due.
 *
 * @param firstResponseDueAt the dispute's {@code first_response_due_at}
 * @param resolutionDueAt the dispute's {@code resolution_due_at}
 */
public record SlaDueTimes(Instant firstResponseDueAt, Instant resolutionDueAt) {
}
