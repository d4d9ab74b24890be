--liquibase formatted sql

--changeset receivables:disputes-002-receivables
--comment: The disputes service's own view of what can be disputed, built from ar.invoicing.events and ar.payments.events only (never another service's database): customers, invoices with their lines, and what each payment settled on each invoice, so that an opening is checked against what is open without calling another service.
CREATE TABLE receivable_customer (
    customer_id UUID PRIMARY KEY,
    -- null while only its invoices were seen (registered before the topic's retention)
    legal_name  VARCHAR(200),
    currency    CHAR(3),
    updated_at  TIMESTAMPTZ NOT NULL
);

CREATE TABLE receivable_invoice (
    invoice_id        UUID PRIMARY KEY,
    invoice_number    VARCHAR(64)    NOT NULL,
    customer_id       UUID           NOT NULL,
    currency          CHAR(3)        NOT NULL,
    issue_date        DATE           NOT NULL,
    due_date          DATE           NOT NULL,
    total             NUMERIC(19, 4) NOT NULL,
    amount_credited   NUMERIC(19, 4) NOT NULL DEFAULT 0,
    -- what payments' allocations pay on it, and the early-payment discounts they took (settled, though not paid)
    amount_paid       NUMERIC(19, 4) NOT NULL DEFAULT 0,
    amount_discounted NUMERIC(19, 4) NOT NULL DEFAULT 0,
    -- OPEN, VOIDED, WRITTEN_OFF
    state             VARCHAR(16)    NOT NULL,
    -- total - credited - paid - discounted, never below zero; zero once voided or written off
    open_amount       NUMERIC(19, 4) NOT NULL,
    issued_at         TIMESTAMPTZ    NOT NULL,
    version           BIGINT         NOT NULL DEFAULT 0
);
CREATE INDEX receivable_invoice_customer_idx ON receivable_invoice (customer_id);

-- the invoice's lines, as invoice-issued carried them: a dispute may name the lines it is about
CREATE TABLE receivable_invoice_line (
    id          UUID PRIMARY KEY,
    invoice_id  UUID           NOT NULL REFERENCES receivable_invoice (invoice_id),
    line_number INTEGER        NOT NULL,
    description VARCHAR(1000)  NOT NULL,
    net_amount  NUMERIC(19, 4) NOT NULL,
    tax_amount  NUMERIC(19, 4) NOT NULL,
    CONSTRAINT receivable_invoice_line_number_key UNIQUE (invoice_id, line_number)
);

-- what one payment settles on one invoice (its allocations less what was taken back), so that a reversal gives back
-- exactly that, discount included
CREATE TABLE receivable_settlement (
    id         UUID PRIMARY KEY,
    payment_id UUID           NOT NULL,
    invoice_id UUID           NOT NULL,
    amount     NUMERIC(19, 4) NOT NULL,
    discount   NUMERIC(19, 4) NOT NULL DEFAULT 0,
    reversed   BOOLEAN        NOT NULL DEFAULT FALSE,
    CONSTRAINT receivable_settlement_key UNIQUE (payment_id, invoice_id)
);
--rollback DROP TABLE receivable_settlement; DROP TABLE receivable_invoice_line; DROP TABLE receivable_invoice; DROP TABLE receivable_customer;
