--liquibase formatted sql

--changeset receivables:invoicing-011
--comment: What e-invoice formats need beyond the billing address: the buyer reference (EN 16931 BT-10, e.g. a German Leitweg-ID) as the customer's default with a per-invoice override, the customer's Peppol participant identifier (EAS scheme + value, the buyer's EndpointID) and the e-invoice format the customer receives by default.
ALTER TABLE customer
    ADD COLUMN buyer_reference  VARCHAR(200),
    ADD COLUMN peppol_scheme    VARCHAR(4),
    ADD COLUMN peppol_id        VARCHAR(200),
    ADD COLUMN einvoice_format  VARCHAR(16),
    ADD CONSTRAINT customer_peppol_participant_complete CHECK ((peppol_scheme IS NULL) = (peppol_id IS NULL));

ALTER TABLE invoice
    -- null: the customer's buyer reference at the time the document is served
    ADD COLUMN buyer_reference VARCHAR(200);
--rollback ALTER TABLE invoice DROP COLUMN buyer_reference; ALTER TABLE customer DROP CONSTRAINT customer_peppol_participant_complete, DROP COLUMN buyer_reference, DROP COLUMN peppol_scheme, DROP COLUMN peppol_id, DROP COLUMN einvoice_format;
