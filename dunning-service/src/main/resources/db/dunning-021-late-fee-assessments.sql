--liquibase formatted sql

--changeset receivables:dunning-021
--comment: Late-payment charges assessed by the dunning run, one row per (invoice, step): the key that makes each assessment, and its late-fee-assessed events written in the same transaction, happen exactly once (docs/dunning.md#fees-and-statutory-interest).
CREATE TABLE late_fee_assessment (
    invoice_id             UUID          NOT NULL,
    step                   INTEGER       NOT NULL CHECK (step >= 0),
    customer_id            UUID          NOT NULL,
    currency               CHAR(3)       NOT NULL,
    jurisdiction           TEXT          NOT NULL,
    due_date               DATE          NOT NULL,
    assessment_date        DATE          NOT NULL,
    days_overdue           INTEGER       NOT NULL,
    -- interest charged by this assessment: the interest to date, rounded once, less what earlier steps charged
    interest               NUMERIC(19, 4) NOT NULL CHECK (interest >= 0),
    -- the annual rate in percent in force on the assessment date; null when no interest was charged
    interest_rate_percent  NUMERIC(7, 4),
    step_fee               NUMERIC(19, 4) NOT NULL CHECK (step_fee >= 0),
    compensation           NUMERIC(19, 4) NOT NULL CHECK (compensation >= 0),
    fee_invoice            BOOLEAN       NOT NULL,
    -- the lateFeeId of each late-fee-assessed written, null for a charge of zero
    interest_fee_id        UUID,
    step_fee_id            UUID,
    compensation_fee_id    UUID,
    assessed_at            TIMESTAMPTZ   NOT NULL,
    PRIMARY KEY (invoice_id, step)
);
--rollback DROP TABLE late_fee_assessment;
