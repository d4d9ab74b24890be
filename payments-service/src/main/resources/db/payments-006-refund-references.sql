--liquibase formatted sql

--changeset receivables:payments-006
--comment: A refund made at the payment's source (a Stripe refund) keeps the source's id (the charge id), so that Stripe's cumulative amount_refunded is applied as the difference to what was refunded under it before.
ALTER TABLE refund ADD COLUMN external_reference VARCHAR(200);
CREATE INDEX refund_external_reference_idx ON refund (external_reference) WHERE external_reference IS NOT NULL;
--rollback DROP INDEX refund_external_reference_idx; ALTER TABLE refund DROP COLUMN external_reference;
