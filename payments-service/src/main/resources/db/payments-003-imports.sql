--liquibase formatted sql

--changeset receivables:payments-003
--comment: The payer's end-to-end id of a payment read from a bank statement, so that a later return (which quotes it) finds the payment.
ALTER TABLE payment ADD COLUMN end_to_end_id VARCHAR(35);
CREATE INDEX payment_end_to_end_idx ON payment (end_to_end_id) WHERE end_to_end_id IS NOT NULL;
CREATE INDEX payment_external_reference_idx ON payment (external_reference) WHERE external_reference IS NOT NULL;
--rollback DROP INDEX payment_external_reference_idx; DROP INDEX payment_end_to_end_idx; ALTER TABLE payment DROP COLUMN end_to_end_id;

--changeset receivables:payments-004
--comment: Webhook deliveries applied (Stripe's evt_ ids), written in the same transaction as their effect: a redelivery finds its id here and changes nothing.
CREATE TABLE processed_webhook (
    provider     VARCHAR(16)  NOT NULL,
    event_id     VARCHAR(255) NOT NULL,
    event_type   VARCHAR(64)  NOT NULL,
    outcome      VARCHAR(500) NOT NULL,
    processed_at TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (provider, event_id)
);
--rollback DROP TABLE processed_webhook;
