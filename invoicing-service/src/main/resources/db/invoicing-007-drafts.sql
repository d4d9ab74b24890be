--liquibase formatted sql

--changeset receivables:invoicing-007
--comment: Draft invoices (no number, no issue instant until issued), billing period, notes and payment instructions.
ALTER TABLE invoice
    ALTER COLUMN number DROP NOT NULL,
    ALTER COLUMN issued_at DROP NOT NULL,
    -- a draft may leave its issue date open: it is the day it is issued
    ALTER COLUMN issue_date DROP NOT NULL,
    -- a draft keeps only a due date that was asked for; otherwise it follows from the terms when issued
    ALTER COLUMN due_date DROP NOT NULL,
    ADD COLUMN created_at           TIMESTAMPTZ,
    ADD COLUMN billing_period_start DATE,
    ADD COLUMN billing_period_end   DATE,
    ADD COLUMN notes                VARCHAR(2000),
    ADD COLUMN payment_instructions VARCHAR(1000),
    ADD CONSTRAINT invoice_issued_complete CHECK (status = 'DRAFT'
        OR (number IS NOT NULL AND issued_at IS NOT NULL AND issue_date IS NOT NULL AND due_date IS NOT NULL)),
    ADD CONSTRAINT invoice_billing_period_complete CHECK ((billing_period_start IS NULL) = (billing_period_end IS NULL)
        AND (billing_period_end IS NULL OR billing_period_end >= billing_period_start));
UPDATE invoice SET created_at = issued_at;
ALTER TABLE invoice ALTER COLUMN created_at SET NOT NULL;
-- GET /invoices?status=DRAFT pages drafts by creation, newest first
CREATE INDEX invoice_draft_idx ON invoice (created_at DESC, id DESC) WHERE status = 'DRAFT';
--rollback DROP INDEX invoice_draft_idx; DELETE FROM invoice WHERE status = 'DRAFT'; ALTER TABLE invoice DROP CONSTRAINT invoice_billing_period_complete, DROP CONSTRAINT invoice_issued_complete, DROP COLUMN payment_instructions, DROP COLUMN notes, DROP COLUMN billing_period_end, DROP COLUMN billing_period_start, DROP COLUMN created_at, ALTER COLUMN due_date SET NOT NULL, ALTER COLUMN issue_date SET NOT NULL, ALTER COLUMN issued_at SET NOT NULL, ALTER COLUMN number SET NOT NULL;
