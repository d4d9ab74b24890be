--liquibase formatted sql

--changeset receivables:disputes-010-sla
--comment: What the SLA check and the statistics look up: the due times not yet answered or stamped of active disputes (partial indexes stay as small as the open backlog), and the disputes resolved in a period.
CREATE INDEX dispute_first_response_due_idx ON dispute (first_response_due_at)
    WHERE first_response_at IS NULL AND first_response_breached_at IS NULL AND state NOT IN ('RESOLVED', 'WITHDRAWN');
CREATE INDEX dispute_resolution_due_idx ON dispute (resolution_due_at)
    WHERE resolution_breached_at IS NULL AND state NOT IN ('RESOLVED', 'WITHDRAWN');
CREATE INDEX dispute_resolved_idx ON dispute (resolved_at) WHERE resolved_at IS NOT NULL;
--rollback DROP INDEX dispute_resolved_idx; DROP INDEX dispute_resolution_due_idx; DROP INDEX dispute_first_response_due_idx;
