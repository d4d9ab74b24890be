--liquibase formatted sql

--changeset receivables:invoicing-006
--comment: Recurring billing schedules and the periods they issued (historical imports need no table: they are invoices).
CREATE TABLE billing_schedule (
    id                UUID PRIMARY KEY,
    customer_id       UUID        NOT NULL REFERENCES customer (id),
    frequency         VARCHAR(16) NOT NULL CHECK (frequency IN ('MONTHLY', 'QUARTERLY', 'YEARLY')),
    anchor_day        INTEGER     NOT NULL CHECK (anchor_day BETWEEN 1 AND 31),
    start_date        DATE        NOT NULL,
    end_date          DATE,
    -- JSON text of what every invoice carries (currency, terms, PO number, lines): read and written whole, never queried
    invoice_template  TEXT        NOT NULL,
    status            VARCHAR(16) NOT NULL,
    -- the start of the next period to issue; null once the schedule is cancelled or past its end date
    next_period_start DATE,
    last_error        VARCHAR(1000),
    last_error_at     TIMESTAMPTZ,
    created_at        TIMESTAMPTZ NOT NULL,
    updated_at        TIMESTAMPTZ,
    version           BIGINT      NOT NULL,
    CHECK (end_date IS NULL OR end_date >= start_date),
    CHECK ((status IN ('ACTIVE', 'PAUSED')) = (next_period_start IS NOT NULL))
);
-- what the runner looks for: active schedules whose next period has started
CREATE INDEX billing_schedule_due_idx ON billing_schedule (next_period_start) WHERE status = 'ACTIVE';
-- keyset pagination of GET /billing-schedules?customerId=
CREATE INDEX billing_schedule_customer_idx ON billing_schedule (customer_id, created_at, id);
CREATE INDEX billing_schedule_created_idx ON billing_schedule (created_at, id);

-- One row per issued period, committed with its invoice: the primary key makes each period of a schedule issue once,
-- whatever replicas, retries and restarts do.
CREATE TABLE billing_schedule_run (
    schedule_id    UUID        NOT NULL REFERENCES billing_schedule (id),
    period_start   DATE        NOT NULL,
    period_end     DATE        NOT NULL,
    invoice_id     UUID        NOT NULL UNIQUE REFERENCES invoice (id),
    invoice_number VARCHAR(32) NOT NULL,
    issued_at      TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (schedule_id, period_start),
    CHECK (period_end >= period_start)
);
--rollback DROP TABLE billing_schedule_run; DROP TABLE billing_schedule;
