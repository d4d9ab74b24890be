--liquibase formatted sql

--changeset receivables:invoicing-005
--comment: Credit notes against issued invoices (own gap-free series CN), the credited amount on the invoice, and fee invoices for late-fee-assessed.
ALTER TABLE invoice
    ADD COLUMN amount_credited    NUMERIC(19, 4) NOT NULL DEFAULT 0,
    -- a fee invoice: the late-fee-assessed it bills (unique: one invoice per fee, however often the event arrives)
    ADD COLUMN late_fee_id        UUID UNIQUE,
    ADD COLUMN fee_for_invoice_id UUID REFERENCES invoice (id),
    ADD CONSTRAINT invoice_credited_within_total CHECK (amount_credited >= 0 AND amount_credited <= total),
    ADD CONSTRAINT invoice_fee_complete CHECK ((late_fee_id IS NULL) = (fee_for_invoice_id IS NULL));

CREATE TABLE credit_note (
    id               UUID PRIMARY KEY,
    number           VARCHAR(32)    NOT NULL UNIQUE,
    invoice_id       UUID           NOT NULL REFERENCES invoice (id),
    customer_id      UUID           NOT NULL REFERENCES customer (id),
    currency         CHAR(3)        NOT NULL,
    issue_date       DATE           NOT NULL,
    reason_code      VARCHAR(32)    NOT NULL,
    note             VARCHAR(1000),
    -- set when a dispute-resolved caused it; unique: one credit note per dispute, however often the event arrives
    dispute_id       UUID UNIQUE,
    subtotal         NUMERIC(19, 4) NOT NULL CHECK (subtotal >= 0),
    tax_total        NUMERIC(19, 4) NOT NULL CHECK (tax_total >= 0),
    total            NUMERIC(19, 4) NOT NULL CHECK (total > 0),
    -- the part of the total that exceeded what was still due on the invoice: a credit the customer holds
    unapplied_amount NUMERIC(19, 4) NOT NULL CHECK (unapplied_amount >= 0 AND unapplied_amount <= total),
    issued_at        TIMESTAMPTZ    NOT NULL,
    version          BIGINT         NOT NULL
);
CREATE INDEX credit_note_invoice_idx ON credit_note (invoice_id, number);

CREATE TABLE credit_note_line (
    id             UUID PRIMARY KEY,
    credit_note_id UUID           NOT NULL REFERENCES credit_note (id) ON DELETE CASCADE,
    line_number    INTEGER        NOT NULL,
    description    VARCHAR(500)   NOT NULL,
    quantity       NUMERIC(19, 6) NOT NULL CHECK (quantity > 0),
    unit_price     NUMERIC(19, 6) NOT NULL CHECK (unit_price >= 0),
    tax_rate       NUMERIC(7, 6)  NOT NULL CHECK (tax_rate BETWEEN 0 AND 1),
    net_amount     NUMERIC(19, 4) NOT NULL,
    tax_amount     NUMERIC(19, 4) NOT NULL,
    UNIQUE (credit_note_id, line_number)
);
--rollback DROP TABLE credit_note_line; DROP TABLE credit_note; ALTER TABLE invoice DROP CONSTRAINT invoice_fee_complete, DROP CONSTRAINT invoice_credited_within_total, DROP COLUMN fee_for_invoice_id, DROP COLUMN late_fee_id, DROP COLUMN amount_credited;
