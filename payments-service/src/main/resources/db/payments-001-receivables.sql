--liquibase formatted sql

--changeset receivables:payments-001
--comment: The payments service's own view of what is payable, built from ar.invoicing.events only (never invoicing's database): its customers, and every invoice with what is open on it after credit notes and after what this service allocated.
CREATE TABLE receivable_customer (
    customer_id UUID PRIMARY KEY,
    -- null while only its invoices were seen (registered before the topic's retention, or not yet arrived)
    legal_name  VARCHAR(200),
    currency    CHAR(3),
    updated_at  TIMESTAMPTZ NOT NULL
);

CREATE TABLE receivable_invoice (
    invoice_id         UUID PRIMARY KEY,
    invoice_number     VARCHAR(64)    NOT NULL,
    -- the number in upper case, letters and digits only ("INV2026000123"), and without its leading letters
    -- ("2026000123"): what remittance text is matched against, whatever its spacing, case or prefix
    number_key         VARCHAR(64)    NOT NULL,
    number_core        VARCHAR(64)    NOT NULL,
    -- ISO 11649 structured creditor reference derived from the number (RFnn + number_key)
    creditor_reference VARCHAR(25)    NOT NULL,
    customer_id        UUID           NOT NULL,
    currency           CHAR(3)        NOT NULL,
    issue_date         DATE           NOT NULL,
    due_date           DATE           NOT NULL,
    total              NUMERIC(19, 4) NOT NULL,
    discount_date      DATE,
    discount_amount    NUMERIC(19, 4),
    amount_credited    NUMERIC(19, 4) NOT NULL DEFAULT 0,
    amount_allocated   NUMERIC(19, 4) NOT NULL DEFAULT 0,
    amount_discounted  NUMERIC(19, 4) NOT NULL DEFAULT 0,
    state              VARCHAR(16)    NOT NULL,
    open_amount        NUMERIC(19, 4) NOT NULL,
    issued_at          TIMESTAMPTZ    NOT NULL,
    version            BIGINT         NOT NULL DEFAULT 0
);
CREATE INDEX receivable_invoice_customer_idx ON receivable_invoice (customer_id, currency, state);
CREATE INDEX receivable_invoice_number_key_idx ON receivable_invoice (number_key);
CREATE INDEX receivable_invoice_number_core_idx ON receivable_invoice (number_core);
CREATE INDEX receivable_invoice_reference_idx ON receivable_invoice (creditor_reference);
--rollback DROP TABLE receivable_invoice; DROP TABLE receivable_customer;
