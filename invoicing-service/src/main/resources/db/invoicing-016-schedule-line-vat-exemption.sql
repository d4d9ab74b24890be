--liquibase formatted sql

--changeset receivables:invoicing-016-schedule-line-vat-exemption
--comment: A schedule line's VAT exemption as requested (category E with its reason, or AE reverse charge; reason and VATEX code optional for AE, which gets its defaults when each period is issued), so the invoices issued from the schedule keep it. Null on every existing line: those were billed taxed or zero-rated (category Z), as before.
ALTER TABLE billing_schedule_line
    ADD COLUMN vat_category          VARCHAR(2),
    ADD COLUMN exemption_reason      VARCHAR(300),
    ADD COLUMN exemption_reason_code VARCHAR(30),
    ADD CONSTRAINT billing_schedule_line_vat_exemption CHECK (
        (vat_category IS NULL AND exemption_reason IS NULL AND exemption_reason_code IS NULL)
        OR (vat_category = 'E' AND exemption_reason IS NOT NULL AND tax_rate = 0)
        OR (vat_category = 'AE' AND tax_rate = 0));
--rollback ALTER TABLE billing_schedule_line DROP CONSTRAINT billing_schedule_line_vat_exemption, DROP COLUMN exemption_reason_code, DROP COLUMN exemption_reason, DROP COLUMN vat_category;
