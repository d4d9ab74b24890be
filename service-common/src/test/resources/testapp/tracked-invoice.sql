--liquibase formatted sql

--changeset selftest:tracked-invoice-1
--comment: The self-test application's one table: invoices created over REST or from invoice-issued, credited by credit-note-issued.
CREATE TABLE tracked_invoice (
    id         UUID PRIMARY KEY,
    reference  VARCHAR(64)    NOT NULL,
    currency   CHAR(3)        NOT NULL,
    total      NUMERIC(19, 4) NOT NULL,
    credited   NUMERIC(19, 4) NOT NULL,
    terms_days INTEGER        NOT NULL,
    version    BIGINT         NOT NULL
);
CREATE INDEX tracked_invoice_reference_idx ON tracked_invoice (reference);
--rollback DROP TABLE tracked_invoice;
