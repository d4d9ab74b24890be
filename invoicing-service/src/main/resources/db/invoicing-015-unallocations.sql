--liquibase formatted sql

--changeset receivables:invoicing-012
--comment: payment-unallocated is recorded as a negative allocation dated the day it was taken back, so that a statement as of an earlier date still shows the payment and a later reversal gives back exactly what remains; an allocation is never zero.
ALTER TABLE invoice_payment DROP CONSTRAINT IF EXISTS invoice_payment_amount_check;
ALTER TABLE invoice_payment ADD CONSTRAINT invoice_payment_amount_not_zero CHECK (amount <> 0);
--rollback ALTER TABLE invoice_payment DROP CONSTRAINT invoice_payment_amount_not_zero; ALTER TABLE invoice_payment ADD CONSTRAINT invoice_payment_amount_check CHECK (amount > 0);

--changeset receivables:invoicing-012-discounts
--comment: An allocation may carry the early-payment discount the payer took (payment events' optional allocations[].discount): it settles the invoice together with the amount paid, without being money received.
ALTER TABLE invoice_payment ADD COLUMN discount NUMERIC(19, 4);
ALTER TABLE invoice ADD COLUMN amount_discounted NUMERIC(19, 4) NOT NULL DEFAULT 0;
--rollback ALTER TABLE invoice DROP COLUMN amount_discounted; ALTER TABLE invoice_payment DROP COLUMN discount;
