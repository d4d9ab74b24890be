--liquibase formatted sql

--changeset receivables:invoicing-009
--comment: One row per allocation of a payment to an invoice, each with its own business date: a later allocation of the same payment (payment-allocated) counts from the day it was allocated, not from the payment's value date. Existing rows stay as they are (their allocations were already summed).
ALTER TABLE invoice_payment DROP CONSTRAINT IF EXISTS invoice_payment_payment_id_invoice_id_key;
CREATE INDEX invoice_payment_payment_idx ON invoice_payment (payment_id, invoice_id);
--rollback DROP INDEX invoice_payment_payment_idx; ALTER TABLE invoice_payment ADD CONSTRAINT invoice_payment_payment_id_invoice_id_key UNIQUE (payment_id, invoice_id);
