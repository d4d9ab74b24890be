--liquibase formatted sql

--changeset receivables:invoicing-008
--comment: The business dates of payments applied to invoices, so a statement as of a date counts a payment from its value date, not from when the event was processed.
ALTER TABLE invoice_payment
    ADD COLUMN paid_on     DATE,
    ADD COLUMN reversed_on DATE;
UPDATE invoice_payment SET paid_on = (applied_at AT TIME ZONE 'UTC')::date,
    reversed_on = (reversed_at AT TIME ZONE 'UTC')::date;
ALTER TABLE invoice_payment ALTER COLUMN paid_on SET NOT NULL,
    ADD CONSTRAINT invoice_payment_reversal_dated CHECK ((reversed_at IS NULL) = (reversed_on IS NULL));
--rollback ALTER TABLE invoice_payment DROP CONSTRAINT invoice_payment_reversal_dated, DROP COLUMN reversed_on, DROP COLUMN paid_on;
