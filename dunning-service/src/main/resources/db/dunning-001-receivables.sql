--liquibase formatted sql

--changeset receivables:dunning-001-receivables
--comment: Dunning's own view of what is owed and by whom, built from ar.invoicing.events, ar.payments.events and ar.disputes.events only (never another service's database): customers with their contacts and do-not-dun, invoices with what is open and disputed on them, what each payment settled, payment plans with their instalment dates. The run asks its questions of these tables.
CREATE TABLE dunning_customer (
    customer_id      UUID PRIMARY KEY,
    -- null while only its invoices were seen (registered before the topic's retention)
    legal_name       VARCHAR(200),
    currency         CHAR(3),
    segment          VARCHAR(64),
    -- BCP 47 tag as invoicing has it (e.g. de, fr-CH); null: the default language
    language         VARCHAR(35),
    billing_email    VARCHAR(320),
    -- the primary contact's phone, else the first contact's that has one
    phone            VARCHAR(64),
    -- JSON as the event carried them (PostalAddress; a list of Contact)
    billing_address  TEXT,
    contacts         TEXT,
    -- do-not-dun: set when do_not_dun_reason is not null; until inclusive, null = until lifted
    do_not_dun_reason VARCHAR(500),
    do_not_dun_until DATE,
    updated_at       TIMESTAMPTZ NOT NULL
);

CREATE TABLE dunning_invoice (
    invoice_id          UUID PRIMARY KEY,
    invoice_number      VARCHAR(64)    NOT NULL,
    customer_id         UUID           NOT NULL,
    currency            CHAR(3)        NOT NULL,
    issue_date          DATE           NOT NULL,
    due_date            DATE           NOT NULL,
    total               NUMERIC(19, 4) NOT NULL,
    amount_credited     NUMERIC(19, 4) NOT NULL DEFAULT 0,
    amount_paid         NUMERIC(19, 4) NOT NULL DEFAULT 0,
    amount_discounted   NUMERIC(19, 4) NOT NULL DEFAULT 0,
    -- OPEN, VOIDED, WRITTEN_OFF
    state               VARCHAR(16)    NOT NULL,
    -- total - credited - paid - discounted, never below zero; zero once voided or written off
    open_amount         NUMERIC(19, 4) NOT NULL,
    -- the sum of the open disputes on it (dunning_dispute): held from collection
    disputed_amount     NUMERIC(19, 4) NOT NULL DEFAULT 0,
    -- set on a fee invoice (invoice-issued's lateFee): never charged a fee itself
    late_fee_id         UUID,
    fee_for_invoice_id  UUID,
    issued_at           TIMESTAMPTZ    NOT NULL,
    version             BIGINT         NOT NULL DEFAULT 0
);
CREATE INDEX dunning_invoice_customer_idx ON dunning_invoice (customer_id);
-- the run's scan: customers with something open, by customer id (keyset)
CREATE INDEX dunning_invoice_open_idx ON dunning_invoice (customer_id, due_date) WHERE state = 'OPEN' AND open_amount > 0;

-- what one payment settles on one invoice (its allocations less what was taken back), so that a reversal gives back
-- exactly that, discount included
CREATE TABLE dunning_settlement (
    id         UUID PRIMARY KEY,
    payment_id UUID           NOT NULL,
    invoice_id UUID           NOT NULL,
    amount     NUMERIC(19, 4) NOT NULL,
    discount   NUMERIC(19, 4) NOT NULL DEFAULT 0,
    reversed   BOOLEAN        NOT NULL DEFAULT FALSE,
    CONSTRAINT dunning_settlement_key UNIQUE (payment_id, invoice_id)
);

-- each dispute's amount and whether it holds it now (opened or reopened, not resolved)
CREATE TABLE dunning_dispute (
    dispute_id      UUID PRIMARY KEY,
    invoice_id      UUID           NOT NULL,
    customer_id     UUID           NOT NULL,
    disputed_amount NUMERIC(19, 4) NOT NULL,
    open            BOOLEAN        NOT NULL,
    updated_at      TIMESTAMPTZ    NOT NULL
);
CREATE INDEX dunning_dispute_invoice_idx ON dunning_dispute (invoice_id);

-- payment plans: while ACTIVE, their instalment dates replace the due dates of the invoices they cover
CREATE TABLE dunning_payment_plan (
    plan_id     UUID PRIMARY KEY,
    customer_id UUID        NOT NULL,
    currency    CHAR(3)     NOT NULL,
    -- ACTIVE, BROKEN, COMPLETED
    state       VARCHAR(16) NOT NULL,
    updated_at  TIMESTAMPTZ NOT NULL
);
CREATE INDEX dunning_payment_plan_customer_idx ON dunning_payment_plan (customer_id);

CREATE TABLE dunning_plan_invoice (
    plan_id    UUID NOT NULL REFERENCES dunning_payment_plan (plan_id),
    invoice_id UUID NOT NULL,
    PRIMARY KEY (plan_id, invoice_id)
);
CREATE INDEX dunning_plan_invoice_invoice_idx ON dunning_plan_invoice (invoice_id);

-- number 0 is the down payment
CREATE TABLE dunning_plan_instalment (
    plan_id  UUID           NOT NULL REFERENCES dunning_payment_plan (plan_id),
    number   INTEGER        NOT NULL,
    due_date DATE           NOT NULL,
    amount   NUMERIC(19, 4) NOT NULL,
    PRIMARY KEY (plan_id, number)
);
--rollback DROP TABLE dunning_plan_instalment; DROP TABLE dunning_plan_invoice; DROP TABLE dunning_payment_plan; DROP TABLE dunning_dispute; DROP TABLE dunning_settlement; DROP TABLE dunning_invoice; DROP TABLE dunning_customer;
