--liquibase formatted sql

--changeset receivables:invoicing-004
--comment: Invoice balances from payment and dispute events: what each payment paid on each invoice (so a reversal gives back exactly that), the open disputes, and the invoice's running totals.
ALTER TABLE invoice
    -- everything payments applied to it and not reversed, overpayments included
    ADD COLUMN amount_paid     NUMERIC(19, 4) NOT NULL DEFAULT 0 CHECK (amount_paid >= 0),
    -- what was paid beyond the total: kept on the invoice (amount_due never goes below zero) for a refund or reallocation
    ADD COLUMN amount_overpaid NUMERIC(19, 4) NOT NULL DEFAULT 0 CHECK (amount_overpaid >= 0),
    -- the sum of its open disputes; above zero exactly while a dispute is open
    ADD COLUMN disputed_amount NUMERIC(19, 4) NOT NULL DEFAULT 0 CHECK (disputed_amount >= 0);

-- One row per payment and invoice: allocations of the same payment to the same invoice (payment-received, then
-- payment-allocated) add up here, and payment-reversed gives back exactly this amount.
CREATE TABLE invoice_payment (
    id          UUID PRIMARY KEY,
    payment_id  UUID           NOT NULL,
    invoice_id  UUID           NOT NULL REFERENCES invoice (id),
    amount      NUMERIC(19, 4) NOT NULL CHECK (amount > 0),
    applied_at  TIMESTAMPTZ    NOT NULL,
    reversed_at TIMESTAMPTZ,
    UNIQUE (payment_id, invoice_id)
);
CREATE INDEX invoice_payment_invoice_idx ON invoice_payment (invoice_id);

CREATE TABLE invoice_dispute (
    dispute_id      UUID PRIMARY KEY,
    invoice_id      UUID           NOT NULL REFERENCES invoice (id),
    disputed_amount NUMERIC(19, 4) NOT NULL CHECK (disputed_amount > 0),
    reason_code     VARCHAR(32)    NOT NULL,
    opened_at       TIMESTAMPTZ    NOT NULL,
    outcome         VARCHAR(32),
    credited_amount NUMERIC(19, 4),
    resolved_at     TIMESTAMPTZ,
    CHECK ((resolved_at IS NULL) = (outcome IS NULL))
);
CREATE INDEX invoice_dispute_open_idx ON invoice_dispute (invoice_id) WHERE resolved_at IS NULL;
--rollback DROP TABLE invoice_dispute; DROP TABLE invoice_payment; ALTER TABLE invoice DROP COLUMN disputed_amount, DROP COLUMN amount_overpaid, DROP COLUMN amount_paid;
