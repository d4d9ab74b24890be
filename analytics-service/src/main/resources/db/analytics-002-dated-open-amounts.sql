--liquibase formatted sql

--changeset receivables:analytics-002
--comment: Every change of an invoice's open amount with its business date (issue date, credit note issue date, payment value date, allocation or reversal date, void or write-off date), so that open AR can be answered as of a date. Items from before this change get one entry of their current open amount on their issue date: their history before it is not known here.
CREATE TABLE open_item_entry (
    id           UUID PRIMARY KEY,
    invoice_id   UUID           NOT NULL REFERENCES open_item (invoice_id),
    effective_on DATE           NOT NULL,
    amount       NUMERIC(19, 4) NOT NULL
);
CREATE INDEX open_item_entry_invoice_idx ON open_item_entry (invoice_id, effective_on);
INSERT INTO open_item_entry (id, invoice_id, effective_on, amount)
    SELECT gen_random_uuid(), invoice_id, issue_date, open_amount FROM open_item;
--rollback DROP TABLE open_item_entry;
