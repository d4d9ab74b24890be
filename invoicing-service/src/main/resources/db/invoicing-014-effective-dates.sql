--liquibase formatted sql

--changeset receivables:invoicing-014-effective-dates
--comment: The business date of a void (a write-off has had one since invoicing-003): statements count a voided invoice as open before it and not from it on, whenever the void was entered. Voids entered before this change are dated the UTC day they were entered (never before the issue date).
ALTER TABLE invoice ADD COLUMN void_date DATE;
UPDATE invoice SET void_date = greatest(issue_date, (voided_at AT TIME ZONE 'UTC')::date) WHERE status = 'VOIDED';
ALTER TABLE invoice
    DROP CONSTRAINT invoice_voided_complete,
    ADD CONSTRAINT invoice_voided_complete CHECK ((status = 'VOIDED')
        = (void_reason IS NOT NULL AND void_date IS NOT NULL AND voided_at IS NOT NULL)),
    ADD CONSTRAINT invoice_void_not_before_issue CHECK (void_date IS NULL OR void_date >= issue_date);
--rollback ALTER TABLE invoice DROP CONSTRAINT invoice_void_not_before_issue, DROP CONSTRAINT invoice_voided_complete, ADD CONSTRAINT invoice_voided_complete CHECK ((status = 'VOIDED') = (void_reason IS NOT NULL AND voided_at IS NOT NULL)), DROP COLUMN void_date;
