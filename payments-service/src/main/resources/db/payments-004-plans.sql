--liquibase formatted sql

--changeset receivables:payments-004-plans
--comment: Payment plans: the invoices they cover, their down payment (instalment 0) and instalments. What a plan has been paid is not stored: it is what this service allocated to its invoices since the plan was made (settled_at_start keeps the baseline), so reversals and unallocations take it back by themselves.
CREATE TABLE payment_plan (
    id                 UUID PRIMARY KEY,
    customer_id        UUID           NOT NULL,
    currency           CHAR(3)        NOT NULL,
    total              NUMERIC(19, 4) NOT NULL,
    -- ACTIVE, then COMPLETED, BROKEN or CANCELLED; a transition out of ACTIVE is a conditional UPDATE ... WHERE
    -- status = 'ACTIVE', so that of two replicas evaluating a plan at once only one publishes it
    status             VARCHAR(16)    NOT NULL,
    created_at         TIMESTAMPTZ    NOT NULL,
    completed_on       DATE,
    broken_on          DATE,
    broken_instalment  INTEGER,
    cancelled_on       DATE,
    ended_at           TIMESTAMPTZ,
    version            BIGINT         NOT NULL DEFAULT 0
);
CREATE INDEX payment_plan_customer_idx ON payment_plan (customer_id, created_at, id);
CREATE INDEX payment_plan_created_idx ON payment_plan (created_at, id);
CREATE INDEX payment_plan_active_idx ON payment_plan (id) WHERE status = 'ACTIVE';

CREATE TABLE payment_plan_invoice (
    plan_id          UUID           NOT NULL REFERENCES payment_plan (id),
    invoice_id       UUID           NOT NULL,
    invoice_number   VARCHAR(64)    NOT NULL,
    -- what was open on it, and what this service's allocations had settled of it (amount and discounts), when the
    -- plan was made: the plan is paid by what is settled beyond that
    open_at_start    NUMERIC(19, 4) NOT NULL,
    settled_at_start NUMERIC(19, 4) NOT NULL,
    -- true while the plan is ACTIVE: an invoice is in at most one active plan
    active           BOOLEAN        NOT NULL,
    PRIMARY KEY (plan_id, invoice_id)
);
CREATE UNIQUE INDEX payment_plan_invoice_active_key ON payment_plan_invoice (invoice_id) WHERE active;

CREATE TABLE payment_plan_instalment (
    plan_id  UUID           NOT NULL REFERENCES payment_plan (id),
    -- 0 is the down payment, the instalments count from 1, in due-date order
    number   INTEGER        NOT NULL,
    due_date DATE           NOT NULL,
    amount   NUMERIC(19, 4) NOT NULL,
    PRIMARY KEY (plan_id, number)
);
CREATE INDEX payment_plan_instalment_due_idx ON payment_plan_instalment (due_date);
--rollback DROP TABLE payment_plan_instalment; DROP TABLE payment_plan_invoice; DROP TABLE payment_plan;
