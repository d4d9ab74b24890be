--liquibase formatted sql

--changeset dunning:031-runs
--comment: The dunning run (docs/dunning.md#the-run): one row per run, its candidate customers snapshotted when it starts (each claimed by one replica at a time with FOR UPDATE SKIP LOCKED and marked done in the transaction that wrote its messages), what was skipped and why, and each (invoice, step) actioned once for good.
CREATE TABLE dunning_run (
    id               uuid PRIMARY KEY,
    as_of            date          NOT NULL,
    -- SCHEDULED (the daily scheduler) or MANUAL (POST /dunning-runs)
    trigger          varchar(16)   NOT NULL CHECK (trigger IN ('SCHEDULED', 'MANUAL')),
    status           varchar(24)   NOT NULL CHECK (status IN ('WAITING_FOR_CATCH_UP', 'RUNNING', 'COMPLETED', 'FAILED')),
    -- the consumers' end offsets when the run was created (JSON list of ConsumerCatchUp.Mark): it works once the
    -- consumer groups committed past them, or fails at catch_up_deadline
    catch_up_marks   text          NOT NULL,
    catch_up_deadline timestamptz  NOT NULL,
    failure_reason   varchar(1000),
    created_by       varchar(200)  NOT NULL,
    created_at       timestamptz   NOT NULL,
    started_at       timestamptz,
    finished_at      timestamptz
);
-- two replicas' schedulers create one scheduled run per day; manual runs are not limited
CREATE UNIQUE INDEX dunning_run_scheduled_key ON dunning_run (as_of) WHERE trigger = 'SCHEDULED';
CREATE INDEX dunning_run_newest_idx ON dunning_run (created_at DESC, id DESC);
CREATE INDEX dunning_run_active_idx ON dunning_run (status) WHERE status IN ('WAITING_FOR_CATCH_UP', 'RUNNING');

-- the run's candidate customers, written by one INSERT..SELECT when it starts; done with an outcome once processed
CREATE TABLE dunning_run_customer (
    run_id      uuid         NOT NULL REFERENCES dunning_run (id),
    customer_id uuid         NOT NULL,
    done        boolean      NOT NULL DEFAULT FALSE,
    -- MESSAGED, NOTHING_DUE, DO_NOT_DUN, HELD, NO_POLICY, ALREADY_ACTIONED, FAILED
    outcome     varchar(24),
    detail      varchar(1000),
    PRIMARY KEY (run_id, customer_id)
);
CREATE INDEX dunning_run_customer_open_idx ON dunning_run_customer (run_id, customer_id) WHERE NOT done;

-- what a run left out and why: a channel without a recipient, a held invoice (one row per customer, channel or invoice)
CREATE TABLE dunning_run_skip (
    run_id      uuid         NOT NULL REFERENCES dunning_run (id),
    customer_id uuid         NOT NULL,
    channel     varchar(16),
    invoice_id  uuid,
    reason      varchar(32)  NOT NULL
);
CREATE INDEX dunning_run_skip_run_idx ON dunning_run_skip (run_id);

-- each (invoice, step) actioned once for good: written in the transaction of the messages that name it (and their
-- fees, escalation and outbox rows); a duplicate key means another replica or run did it first
CREATE TABLE dunning_action (
    invoice_id     uuid         NOT NULL,
    step_number    int          NOT NULL,
    run_id         uuid         NOT NULL,
    customer_id    uuid         NOT NULL,
    policy_id      uuid         NOT NULL,
    policy_version bigint       NOT NULL,
    message_ids    uuid[]       NOT NULL,
    actioned_at    timestamptz  NOT NULL,
    PRIMARY KEY (invoice_id, step_number)
);
CREATE INDEX dunning_action_run_idx ON dunning_action (run_id);
--rollback DROP TABLE dunning_action; DROP TABLE dunning_run_skip; DROP TABLE dunning_run_customer; DROP TABLE dunning_run;
