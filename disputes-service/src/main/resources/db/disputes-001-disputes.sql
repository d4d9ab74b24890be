--liquibase formatted sql

--changeset receivables:disputes-001-disputes
--comment: Disputes on all or part of an invoice, and their activity (the state changes, assignments and SLA breaches a timeline lists). The invoice's customer and currency are copied from disputes' own view of invoicing (never invoicing's database).
CREATE TABLE dispute (
    id                        UUID PRIMARY KEY,
    invoice_id                UUID           NOT NULL,
    invoice_number            VARCHAR(64)    NOT NULL,
    customer_id               UUID           NOT NULL,
    currency                  CHAR(3)        NOT NULL,
    -- part or all of what was open on the invoice when it was opened; the open disputes of an invoice never add up to
    -- more than what is open on it
    disputed_amount           NUMERIC(19, 4) NOT NULL,
    reason_code               VARCHAR(32)    NOT NULL,
    description               VARCHAR(4000),
    contact_name              VARCHAR(200),
    contact_email             VARCHAR(254),
    contact_phone             VARCHAR(40),
    -- OPEN, UNDER_REVIEW, AWAITING_CUSTOMER, AWAITING_INTERNAL, RESOLVED, WITHDRAWN
    state                     VARCHAR(24)    NOT NULL,
    team                      VARCHAR(64)    NOT NULL,
    -- null: unassigned, in the team's queue
    owner                     VARCHAR(100),
    -- CUSTOMER_FAVOUR, PARTIAL, COMPANY_FAVOUR (RESOLVED) or WITHDRAWN; null while unresolved
    outcome                   VARCHAR(24),
    credited_amount           NUMERIC(19, 4),
    resolution_note           VARCHAR(4000),
    opened_at                 TIMESTAMPTZ    NOT NULL,
    opened_by                 VARCHAR(255)   NOT NULL,
    -- the first answer to the customer (the first change of state out of OPEN, or the first customer-visible comment)
    first_response_at         TIMESTAMPTZ,
    -- SLA due times in business days from opened_at (null: no SLA for its reason code); a breach is stamped by a
    -- conditional UPDATE ... WHERE ..._breached_at IS NULL, so of two replicas exactly one publishes it
    first_response_due_at     TIMESTAMPTZ,
    resolution_due_at         TIMESTAMPTZ,
    first_response_breached_at TIMESTAMPTZ,
    resolution_breached_at    TIMESTAMPTZ,
    resolved_at               TIMESTAMPTZ,
    reopened_count            INTEGER        NOT NULL DEFAULT 0,
    -- a chargeback's payment, and the gateway's evidence due time when it gave one
    payment_id                UUID,
    evidence_due_at           TIMESTAMPTZ,
    updated_at                TIMESTAMPTZ    NOT NULL,
    version                   BIGINT         NOT NULL DEFAULT 0,
    CONSTRAINT dispute_amount_positive CHECK (disputed_amount > 0)
);
CREATE INDEX dispute_invoice_idx ON dispute (invoice_id);
CREATE INDEX dispute_customer_idx ON dispute (customer_id, opened_at, id);
CREATE INDEX dispute_opened_idx ON dispute (opened_at, id);
CREATE INDEX dispute_state_idx ON dispute (state, opened_at, id);
-- one dispute per charged-back payment and invoice it had paid
CREATE UNIQUE INDEX dispute_chargeback_idx ON dispute (payment_id, invoice_id) WHERE payment_id IS NOT NULL;

CREATE TABLE dispute_activity (
    id             UUID PRIMARY KEY,
    dispute_id     UUID         NOT NULL REFERENCES dispute (id),
    occurred_at    TIMESTAMPTZ  NOT NULL,
    -- OPENED, STATE_CHANGED, ASSIGNED, RESOLVED, WITHDRAWN, REOPENED, SLA_BREACHED
    kind           VARCHAR(32)  NOT NULL,
    actor_kind     VARCHAR(16)  NOT NULL,
    actor_id       VARCHAR(255) NOT NULL,
    actor_username VARCHAR(255),
    from_state     VARCHAR(24),
    to_state       VARCHAR(24),
    team           VARCHAR(64),
    owner          VARCHAR(100),
    note           VARCHAR(4000)
);
CREATE INDEX dispute_activity_dispute_idx ON dispute_activity (dispute_id, occurred_at, id);
--rollback DROP TABLE dispute_activity; DROP TABLE dispute;
