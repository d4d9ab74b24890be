--liquibase formatted sql

--changeset receivables:invoicing-002
--comment: Billing profiles (address, contacts, language, do-not-dun), early-payment discounts, open balances.
ALTER TABLE customer
    ADD COLUMN address_line1       VARCHAR(200),
    ADD COLUMN address_line2       VARCHAR(200),
    ADD COLUMN address_city        VARCHAR(100),
    ADD COLUMN address_postal_code VARCHAR(20),
    ADD COLUMN address_region      VARCHAR(100),
    ADD COLUMN address_country     CHAR(2),
    -- JSON text, not JSONB: never queried, and the reactive driver binds only JSON objects, not arrays, to JSONB
    ADD COLUMN contacts            TEXT           NOT NULL DEFAULT '[]',
    ADD COLUMN language            VARCHAR(16),
    ADD COLUMN do_not_dun_reason   VARCHAR(500),
    ADD COLUMN do_not_dun_until    DATE,
    ADD COLUMN terms_discount_days INTEGER CHECK (terms_discount_days BETWEEN 0 AND 365),
    ADD COLUMN terms_discount_rate NUMERIC(7, 6) CHECK (terms_discount_rate > 0 AND terms_discount_rate < 1),
    ADD COLUMN updated_at          TIMESTAMPTZ,
    ADD CONSTRAINT customer_address_complete CHECK (address_line1 IS NULL
        OR (address_city IS NOT NULL AND address_country IS NOT NULL)),
    ADD CONSTRAINT customer_discount_complete CHECK ((terms_discount_days IS NULL) = (terms_discount_rate IS NULL));
-- keyset pagination of GET /customers: by legal name, then id
CREATE INDEX customer_name_idx ON customer (legal_name, id);
CREATE INDEX customer_segment_name_idx ON customer (segment, legal_name, id);

ALTER TABLE invoice
    ADD COLUMN terms_discount_days   INTEGER,
    ADD COLUMN terms_discount_rate   NUMERIC(7, 6),
    ADD COLUMN discount_date         DATE,
    ADD COLUMN discount_amount       NUMERIC(19, 4),
    -- what the customer still owes on it; payments, credit notes and write-offs bring it down
    ADD COLUMN amount_due            NUMERIC(19, 4),
    ADD COLUMN credit_limit_exceeded BOOLEAN NOT NULL DEFAULT FALSE;
UPDATE invoice SET amount_due = total;
ALTER TABLE invoice ALTER COLUMN amount_due SET NOT NULL;
CREATE INDEX invoice_open_idx ON invoice (customer_id) WHERE status = 'ISSUED';
--rollback DROP INDEX invoice_open_idx; ALTER TABLE invoice DROP COLUMN credit_limit_exceeded, DROP COLUMN amount_due, DROP COLUMN discount_amount, DROP COLUMN discount_date, DROP COLUMN terms_discount_rate, DROP COLUMN terms_discount_days; DROP INDEX customer_segment_name_idx; DROP INDEX customer_name_idx; ALTER TABLE customer DROP CONSTRAINT customer_discount_complete, DROP CONSTRAINT customer_address_complete, DROP COLUMN updated_at, DROP COLUMN terms_discount_rate, DROP COLUMN terms_discount_days, DROP COLUMN do_not_dun_until, DROP COLUMN do_not_dun_reason, DROP COLUMN language, DROP COLUMN contacts, DROP COLUMN address_country, DROP COLUMN address_region, DROP COLUMN address_postal_code, DROP COLUMN address_city, DROP COLUMN address_line2, DROP COLUMN address_line1;
