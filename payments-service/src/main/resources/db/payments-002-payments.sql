--liquibase formatted sql

--changeset receivables:payments-002
--comment: Payments, their allocations to invoices (each with the rule that made it and a confidence), and the payer accounts that identify a customer.
CREATE TABLE payment (
    id                   UUID PRIMARY KEY,
    -- null while the payer is not identified: the payment then waits for review and nothing is published
    customer_id          UUID,
    currency             CHAR(3)        NOT NULL,
    amount               NUMERIC(19, 4) NOT NULL,
    unallocated_amount   NUMERIC(19, 4) NOT NULL,
    refunded_amount      NUMERIC(19, 4) NOT NULL DEFAULT 0,
    value_date           DATE           NOT NULL,
    method               VARCHAR(16)    NOT NULL,
    payer_name           VARCHAR(140),
    payer_account        VARCHAR(34),
    remittance_text      VARCHAR(1000),
    structured_reference VARCHAR(35),
    -- where it came from (API, BANK_STATEMENT, STRIPE, ...) and that source's own id of it: a second payment with the
    -- same pair is the same payment
    source               VARCHAR(32)    NOT NULL,
    external_reference   VARCHAR(200),
    status               VARCHAR(20)    NOT NULL,
    in_review            BOOLEAN        NOT NULL,
    review_reason        VARCHAR(500),
    -- payment-received is published once the customer is known
    published            BOOLEAN        NOT NULL,
    reversal_reason      VARCHAR(20),
    reversal_date        DATE,
    reversal_note        VARCHAR(1000),
    reversed_at          TIMESTAMPTZ,
    received_at          TIMESTAMPTZ    NOT NULL,
    version              BIGINT         NOT NULL DEFAULT 0,
    CONSTRAINT payment_source_reference_key UNIQUE (source, external_reference)
);
CREATE INDEX payment_customer_idx ON payment (customer_id, received_at, id);
CREATE INDEX payment_received_idx ON payment (received_at, id);

CREATE TABLE payment_allocation (
    id             UUID PRIMARY KEY,
    payment_id     UUID           NOT NULL REFERENCES payment (id),
    invoice_id     UUID           NOT NULL,
    amount         NUMERIC(19, 4) NOT NULL,
    -- the early-payment discount this allocation settles on top of its amount
    discount       NUMERIC(19, 4),
    rule           VARCHAR(32)    NOT NULL,
    confidence     NUMERIC(3, 2)  NOT NULL,
    explanation    VARCHAR(500)   NOT NULL,
    effective_date DATE           NOT NULL,
    allocated_at   TIMESTAMPTZ    NOT NULL,
    removed_on     DATE,
    removed_at     TIMESTAMPTZ
);
CREATE INDEX payment_allocation_payment_idx ON payment_allocation (payment_id);
CREATE INDEX payment_allocation_invoice_idx ON payment_allocation (invoice_id);

CREATE TABLE payer_account (
    account       VARCHAR(34) PRIMARY KEY,
    customer_id   UUID        NOT NULL,
    first_seen_at TIMESTAMPTZ NOT NULL
);

CREATE TABLE refund (
    id          UUID PRIMARY KEY,
    customer_id UUID           NOT NULL,
    currency    CHAR(3)        NOT NULL,
    amount      NUMERIC(19, 4) NOT NULL,
    refund_date DATE           NOT NULL,
    method      VARCHAR(16)    NOT NULL,
    payee_account VARCHAR(34),
    note        VARCHAR(1000),
    issued_at   TIMESTAMPTZ    NOT NULL
);
CREATE INDEX refund_customer_idx ON refund (customer_id);

CREATE TABLE refund_source (
    refund_id  UUID           NOT NULL REFERENCES refund (id),
    payment_id UUID           NOT NULL REFERENCES payment (id),
    amount     NUMERIC(19, 4) NOT NULL,
    PRIMARY KEY (refund_id, payment_id)
);
--rollback DROP TABLE refund_source; DROP TABLE refund; DROP TABLE payer_account; DROP TABLE payment_allocation; DROP TABLE payment;
