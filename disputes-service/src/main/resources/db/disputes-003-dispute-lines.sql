--liquibase formatted sql

--changeset receivables:disputes-003-dispute-lines
--comment: The invoice lines a dispute names (optional), and an index for the sum of an invoice's active disputes, which every opening and reopening reads under the invoice's lock.
ALTER TABLE dispute ADD COLUMN disputed_lines VARCHAR(2000);
CREATE INDEX dispute_invoice_active_idx ON dispute (invoice_id) WHERE state NOT IN ('RESOLVED', 'WITHDRAWN');
--rollback DROP INDEX dispute_invoice_active_idx; ALTER TABLE dispute DROP COLUMN disputed_lines;
