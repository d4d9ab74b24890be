--liquibase formatted sql

--changeset receivables:invoicing-013-line-vat-exemption
--comment: Why a zero-rated invoice line carries no VAT, as EN 16931 e-invoices state it: category E (exempt) or AE (reverse charge), the reason in words and its optional VATEX code. Null on every existing line: taxed at its rate, or zero-rated (category Z).
ALTER TABLE invoice_line
    ADD COLUMN vat_category          VARCHAR(2),
    ADD COLUMN exemption_reason      VARCHAR(300),
    ADD COLUMN exemption_reason_code VARCHAR(30),
    ADD CONSTRAINT invoice_line_vat_exemption CHECK (
        (vat_category IS NULL AND exemption_reason IS NULL AND exemption_reason_code IS NULL)
        OR (vat_category IN ('E', 'AE') AND exemption_reason IS NOT NULL AND tax_rate = 0));
--rollback ALTER TABLE invoice_line DROP CONSTRAINT invoice_line_vat_exemption, DROP COLUMN exemption_reason_code, DROP COLUMN exemption_reason, DROP COLUMN vat_category;
