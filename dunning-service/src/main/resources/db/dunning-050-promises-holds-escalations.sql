--liquibase formatted sql

--changeset dunning:050-promises-to-pay
--comment: Promises to pay (docs/dunning.md#promises-to-pay-and-holds): an amount promised on some of a customer's invoices by a date. While OPEN and until hold_until (the date plus the grace period, fixed when made) the run does not remind those invoices. The check moves OPEN to KEPT or BROKEN exactly once, under the row's lock.
CREATE TABLE dunning_promise (
    id              uuid PRIMARY KEY,
    customer_id     uuid          NOT NULL,
    currency        char(3)       NOT NULL,
    amount          numeric(19,4) NOT NULL CHECK (amount > 0),
    promised_date   date          NOT NULL,
    hold_until      date          NOT NULL CHECK (hold_until >= promised_date),
    note            varchar(1000),
    -- what payments had settled on the promise's invoices (paid + discount taken) when it was made: what is paid
    -- "since" is measured from here
    paid_baseline   numeric(19,4) NOT NULL,
    -- what payments settled since it was made, when it was KEPT or BROKEN
    amount_paid     numeric(19,4),
    state           varchar(16)   NOT NULL CHECK (state IN ('OPEN', 'KEPT', 'BROKEN', 'CANCELLED')),
    created_at      timestamptz   NOT NULL,
    created_by      varchar(255)  NOT NULL,
    resolved_at     timestamptz,
    cancel_reason   varchar(1000),
    version         bigint        NOT NULL DEFAULT 0
);
CREATE INDEX dunning_promise_customer_idx ON dunning_promise (customer_id, created_at DESC, id DESC);
-- the check's queue: only OPEN promises
CREATE INDEX dunning_promise_open_idx ON dunning_promise (id) WHERE state = 'OPEN';

CREATE TABLE dunning_promise_invoice (
    promise_id          uuid          NOT NULL REFERENCES dunning_promise (id),
    invoice_id          uuid          NOT NULL,
    invoice_number      varchar(64)   NOT NULL,
    -- open less disputed when the promise was made
    collectable_amount  numeric(19,4) NOT NULL,
    PRIMARY KEY (promise_id, invoice_id)
);
CREATE INDEX dunning_promise_invoice_invoice_idx ON dunning_promise_invoice (invoice_id);
--rollback DROP TABLE dunning_promise_invoice; DROP TABLE dunning_promise;

--changeset dunning:051-manual-holds
--comment: A collector's manual hold (docs/dunning.md#promises-to-pay-and-holds): no reminders until 'until' (inclusive) for its invoices, or for the whole account when it names none; released early by a collector.
CREATE TABLE dunning_hold (
    id              uuid PRIMARY KEY,
    customer_id     uuid          NOT NULL,
    until           date          NOT NULL,
    reason          varchar(500)  NOT NULL,
    -- ACTIVE until released (a hold past its end date stays ACTIVE and simply no longer holds)
    state           varchar(16)   NOT NULL CHECK (state IN ('ACTIVE', 'RELEASED')),
    created_at      timestamptz   NOT NULL,
    created_by      varchar(255)  NOT NULL,
    released_at     timestamptz,
    released_by     varchar(255),
    release_reason  varchar(500),
    version         bigint        NOT NULL DEFAULT 0
);
CREATE INDEX dunning_hold_customer_idx ON dunning_hold (customer_id, created_at DESC, id DESC);

CREATE TABLE dunning_hold_invoice (
    hold_id     uuid NOT NULL REFERENCES dunning_hold (id),
    invoice_id  uuid NOT NULL,
    PRIMARY KEY (hold_id, invoice_id)
);
CREATE INDEX dunning_hold_invoice_invoice_idx ON dunning_hold_invoice (invoice_id);
--rollback DROP TABLE dunning_hold_invoice; DROP TABLE dunning_hold;

--changeset dunning:052-escalations
--comment: Escalations (docs/dunning.md#escalation): invoices a dunning step handed to an agency or to legal, with the amounts escalated. ACTIVE ones hold their invoices from reminders until RECALLED. One per (run, customer, step, currency): a run's retry finds the one it made.
CREATE TABLE dunning_escalation (
    id              uuid PRIMARY KEY,
    customer_id     uuid          NOT NULL,
    run_id          uuid          NOT NULL,
    level           varchar(16)   NOT NULL CHECK (level IN ('AGENCY', 'LEGAL')),
    step_number     int           NOT NULL,
    currency        char(3)       NOT NULL,
    amount          numeric(19,4) NOT NULL CHECK (amount > 0),
    reason          varchar(1000),
    status          varchar(16)   NOT NULL CHECK (status IN ('ACTIVE', 'RECALLED')),
    escalated_at    timestamptz   NOT NULL,
    escalated_by    varchar(255)  NOT NULL,
    recalled_at     timestamptz,
    recalled_by     varchar(255),
    recall_reason   varchar(1000),
    version         bigint        NOT NULL DEFAULT 0,
    CONSTRAINT dunning_escalation_once UNIQUE (run_id, customer_id, step_number, currency)
);
CREATE INDEX dunning_escalation_listing_idx ON dunning_escalation (escalated_at DESC, id DESC);
CREATE INDEX dunning_escalation_customer_idx ON dunning_escalation (customer_id, escalated_at DESC, id DESC);

CREATE TABLE dunning_escalation_invoice (
    escalation_id   uuid          NOT NULL REFERENCES dunning_escalation (id),
    invoice_id      uuid          NOT NULL,
    invoice_number  varchar(64)   NOT NULL,
    amount          numeric(19,4) NOT NULL,
    PRIMARY KEY (escalation_id, invoice_id)
);
CREATE INDEX dunning_escalation_invoice_invoice_idx ON dunning_escalation_invoice (invoice_id);
--rollback DROP TABLE dunning_escalation_invoice; DROP TABLE dunning_escalation;
