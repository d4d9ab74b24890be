--liquibase formatted sql

--changeset receivables:invoicing-001
CREATE TABLE customer (
    id            UUID PRIMARY KEY,
    legal_name    VARCHAR(255)   NOT NULL,
    tax_id        VARCHAR(64),
    currency      CHAR(3)        NOT NULL,
    terms_type    VARCHAR(16)    NOT NULL,
    terms_days    INTEGER        NOT NULL CHECK (terms_days BETWEEN 0 AND 365),
    credit_limit  NUMERIC(19, 4) CHECK (credit_limit >= 0),
    segment       VARCHAR(32)    NOT NULL,
    billing_email VARCHAR(320),
    created_at    TIMESTAMPTZ    NOT NULL,
    version       BIGINT         NOT NULL
);

-- Gap-free numbering: one counter row per series and year, incremented in the issuing transaction, so a rolled-back
-- issue returns its number and concurrent issues queue on the row lock.
CREATE TABLE invoice_number_series (
    series     VARCHAR(16) NOT NULL,
    year       INTEGER     NOT NULL,
    last_value BIGINT      NOT NULL,
    PRIMARY KEY (series, year)
);

CREATE TABLE invoice (
    id          UUID PRIMARY KEY,
    number      VARCHAR(32)    NOT NULL UNIQUE,
    customer_id UUID           NOT NULL REFERENCES customer (id),
    currency    CHAR(3)        NOT NULL,
    status      VARCHAR(16)    NOT NULL,
    issue_date  DATE           NOT NULL,
    due_date    DATE           NOT NULL,
    terms_type  VARCHAR(16)    NOT NULL,
    terms_days  INTEGER        NOT NULL,
    subtotal    NUMERIC(19, 4) NOT NULL,
    tax_total   NUMERIC(19, 4) NOT NULL,
    total       NUMERIC(19, 4) NOT NULL,
    po_number   VARCHAR(64),
    issued_at   TIMESTAMPTZ    NOT NULL,
    version     BIGINT         NOT NULL,
    CHECK (due_date >= issue_date)
);
CREATE INDEX invoice_customer_idx ON invoice (customer_id, issue_date);

CREATE TABLE invoice_line (
    id          UUID PRIMARY KEY,
    invoice_id  UUID           NOT NULL REFERENCES invoice (id) ON DELETE CASCADE,
    line_number INTEGER        NOT NULL,
    description VARCHAR(500)   NOT NULL,
    quantity    NUMERIC(19, 6) NOT NULL CHECK (quantity > 0),
    unit_price  NUMERIC(19, 6) NOT NULL CHECK (unit_price >= 0),
    tax_rate    NUMERIC(7, 6)  NOT NULL CHECK (tax_rate BETWEEN 0 AND 1),
    net_amount  NUMERIC(19, 4) NOT NULL,
    tax_amount  NUMERIC(19, 4) NOT NULL,
    UNIQUE (invoice_id, line_number)
);
--rollback DROP TABLE invoice_line; DROP TABLE invoice; DROP TABLE invoice_number_series; DROP TABLE customer;
