--liquibase formatted sql

--changeset receivables:invoicing-003
--comment: Voiding and writing off invoices: why, when and by which note; the invoice keeps its gap-free number.
ALTER TABLE invoice
    ADD COLUMN void_reason         VARCHAR(32),
    ADD COLUMN void_note           VARCHAR(1000),
    ADD COLUMN voided_at           TIMESTAMPTZ,
    ADD COLUMN write_off_reason    VARCHAR(32),
    ADD COLUMN write_off_date      DATE,
    ADD COLUMN write_off_note      VARCHAR(1000),
    ADD COLUMN written_off_at      TIMESTAMPTZ,
    ADD CONSTRAINT invoice_voided_complete CHECK ((status = 'VOIDED') = (void_reason IS NOT NULL AND voided_at IS NOT NULL)),
    ADD CONSTRAINT invoice_written_off_complete CHECK ((status = 'WRITTEN_OFF')
        = (write_off_reason IS NOT NULL AND write_off_date IS NOT NULL AND written_off_at IS NOT NULL)),
    ADD CONSTRAINT invoice_write_off_not_before_issue CHECK (write_off_date IS NULL OR write_off_date >= issue_date);
