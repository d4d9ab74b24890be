--liquibase formatted sql

--changeset receivables:payments-005
--comment: Per-customer payment settings (PUT /customers/{id}/payment-settings). A customer without a row has the defaults: unapplied cash waits on the account (auto_apply_credit false).
CREATE TABLE customer_payment_settings (
    customer_id       UUID        PRIMARY KEY REFERENCES receivable_customer (customer_id),
    -- apply the customer's unapplied cash to each invoice issued to it, as invoice-issued arrives
    auto_apply_credit BOOLEAN     NOT NULL,
    updated_at        TIMESTAMPTZ NOT NULL
);
--rollback DROP TABLE customer_payment_settings;
