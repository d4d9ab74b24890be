--liquibase formatted sql

--changeset dunning:030-messages
--comment: The messages the dunning run decided to send (one per customer, channel and currency per run), rendered when decided, and each one's delivery. The run writes them QUEUED in the transaction that records its (invoice, step) actions; delivery takes them from here (docs/dunning.md#channels-and-delivery).
CREATE TABLE dunning_message (
    id                uuid PRIMARY KEY,
    run_id            uuid          NOT NULL,
    customer_id       uuid          NOT NULL,
    channel           varchar(16)   NOT NULL CHECK (channel IN ('EMAIL', 'SMS', 'LETTER', 'PHONE_TASK')),
    -- the template of the highest step among its invoices, and the language it was rendered in (after fallback)
    template_key      varchar(64)   NOT NULL,
    language          varchar(35)   NOT NULL,
    step_number       int           NOT NULL CHECK (step_number BETWEEN 1 AND 10),
    -- EMAIL: the address; SMS: the phone number (E.164); LETTER: the addressee's name; PHONE_TASK: the number to call
    recipient         varchar(320),
    -- EMAIL: the collector to answer to (configuration)
    reply_to          varchar(320),
    currency          char(3)       NOT NULL,
    -- what the message asks for: the collectable (open less disputed) amounts of its invoices, plus fees and interest
    amount_due        numeric(19,4) NOT NULL CHECK (amount_due >= 0),
    fees              numeric(19,4) NOT NULL DEFAULT 0,
    interest          numeric(19,4) NOT NULL DEFAULT 0,
    payment_reference varchar(64),
    subject           text,
    text_body         text          NOT NULL,
    html_body         text,
    -- QUEUED (to be delivered), SENDING (a delivery attempt began), SENT, FAILED (gave up; last_error says why),
    -- BOUNCED (the receiver refused it after it was sent)
    status            varchar(16)   NOT NULL CHECK (status IN ('QUEUED', 'SENDING', 'SENT', 'FAILED', 'BOUNCED')),
    attempts          int           NOT NULL DEFAULT 0,
    next_attempt_at   timestamptz   NOT NULL,
    last_error        varchar(1000),
    created_at        timestamptz   NOT NULL,
    sent_at           timestamptz,
    version           bigint        NOT NULL DEFAULT 0
);
-- delivery's queue
CREATE INDEX dunning_message_due_idx ON dunning_message (next_attempt_at) WHERE status IN ('QUEUED', 'SENDING');
-- the communication log, newest first
CREATE INDEX dunning_message_customer_idx ON dunning_message (customer_id, created_at DESC, id DESC);
CREATE INDEX dunning_message_run_idx ON dunning_message (run_id);

-- The invoices one message names, each at the step the run actioned it for, with the amounts it stated.
CREATE TABLE dunning_message_invoice (
    message_id        uuid          NOT NULL REFERENCES dunning_message (id),
    invoice_id        uuid          NOT NULL,
    invoice_number    varchar(64)   NOT NULL,
    step_number       int           NOT NULL,
    due_date          date          NOT NULL,
    days_overdue      int           NOT NULL,
    open_amount       numeric(19,4) NOT NULL,
    disputed_amount   numeric(19,4) NOT NULL,
    -- open less disputed: what is asked for
    amount_due        numeric(19,4) NOT NULL,
    PRIMARY KEY (message_id, invoice_id)
);
CREATE INDEX dunning_message_invoice_invoice_idx ON dunning_message_invoice (invoice_id);
--rollback DROP TABLE dunning_message_invoice; DROP TABLE dunning_message;
