--liquibase formatted sql

--changeset receivables:invoicing-010
--comment: A schedule's invoice template in columns of its own and one row per line, instead of the JSON of the REST request: the API can change without touching what is stored. Existing templates are moved over, then the JSON column is dropped.
ALTER TABLE billing_schedule
    -- null: the customer's currency and terms at the time each period is issued
    ADD COLUMN currency            VARCHAR(3),
    ADD COLUMN terms_type          VARCHAR(16),
    ADD COLUMN terms_days          INTEGER,
    ADD COLUMN terms_discount_days INTEGER,
    ADD COLUMN terms_discount_rate NUMERIC(7, 6),
    ADD COLUMN po_number           VARCHAR(64);

CREATE TABLE billing_schedule_line (
    schedule_id UUID           NOT NULL REFERENCES billing_schedule (id),
    line_index  INTEGER        NOT NULL,
    description VARCHAR(500)   NOT NULL,
    quantity    NUMERIC(19, 6) NOT NULL CHECK (quantity > 0),
    unit_price  NUMERIC(19, 6) NOT NULL CHECK (unit_price >= 0),
    tax_rate    NUMERIC(7, 6)  NOT NULL CHECK (tax_rate BETWEEN 0 AND 1),
    PRIMARY KEY (schedule_id, line_index)
);

UPDATE billing_schedule SET
    currency            = invoice_template::jsonb ->> 'currency',
    terms_type          = invoice_template::jsonb -> 'paymentTerms' ->> 'type',
    terms_days          = (invoice_template::jsonb -> 'paymentTerms' ->> 'days')::integer,
    terms_discount_days = (invoice_template::jsonb -> 'paymentTerms' ->> 'discountDays')::integer,
    terms_discount_rate = (invoice_template::jsonb -> 'paymentTerms' ->> 'discountRate')::numeric,
    po_number           = invoice_template::jsonb ->> 'poNumber';

INSERT INTO billing_schedule_line (schedule_id, line_index, description, quantity, unit_price, tax_rate)
SELECT s.id, l.position - 1, l.line ->> 'description', (l.line ->> 'quantity')::numeric,
       (l.line ->> 'unitPrice')::numeric, (l.line ->> 'taxRate')::numeric
FROM billing_schedule s
CROSS JOIN LATERAL jsonb_array_elements(s.invoice_template::jsonb -> 'lines') WITH ORDINALITY AS l(line, position);

ALTER TABLE billing_schedule DROP COLUMN invoice_template,
    ADD CONSTRAINT billing_schedule_terms_complete CHECK ((terms_type IS NULL) = (terms_days IS NULL));
-- no rollback: the JSON column is gone (restore from a backup to go back)
