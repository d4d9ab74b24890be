--liquibase formatted sql

--changeset receivables:analytics-001
CREATE TABLE open_item (
    invoice_id     UUID PRIMARY KEY,
    invoice_number VARCHAR(32)    NOT NULL,
    customer_id    UUID           NOT NULL,
    currency       CHAR(3)        NOT NULL,
    open_amount    NUMERIC(19, 4) NOT NULL,
    issue_date     DATE           NOT NULL,
    due_date       DATE           NOT NULL,
    issued_at      TIMESTAMPTZ    NOT NULL
);
CREATE INDEX open_item_currency_idx ON open_item (currency);
CREATE INDEX open_item_customer_idx ON open_item (customer_id);
--rollback DROP TABLE open_item;
