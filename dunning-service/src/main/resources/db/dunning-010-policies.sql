--liquibase formatted sql

--changeset dunning:010-policies
-- A dunning policy: its identity and the number of its current version. Each change makes a new version; every
-- version is kept (dunning_policy_version and its steps), so that what a run sent can say under which version it went
-- out.
CREATE TABLE dunning_policy (
    id          uuid PRIMARY KEY,
    active      boolean      NOT NULL,
    version     bigint       NOT NULL CHECK (version >= 1),
    created_at  timestamptz  NOT NULL,
    updated_at  timestamptz  NOT NULL
);
CREATE INDEX dunning_policy_created ON dunning_policy (created_at DESC, id DESC);

-- What each version of a policy was: its name, description and currency when it was made, and by whom.
CREATE TABLE dunning_policy_version (
    policy_id   uuid         NOT NULL REFERENCES dunning_policy (id),
    version     bigint       NOT NULL CHECK (version >= 1),
    name        varchar(100) NOT NULL,
    description varchar(500),
    -- minimum amounts and fees of the steps are in this currency (docs/dunning.md#policies)
    currency    char(3)      NOT NULL,
    created_at  timestamptz  NOT NULL,
    created_by  varchar(200) NOT NULL,
    PRIMARY KEY (policy_id, version)
);

-- One step of one version of a policy, numbered from 1 in offset order.
CREATE TABLE dunning_policy_step (
    id                 uuid PRIMARY KEY,
    policy_id          uuid          NOT NULL,
    policy_version     bigint        NOT NULL,
    step_number        int           NOT NULL CHECK (step_number BETWEEN 1 AND 10),
    offset_days        int           NOT NULL CHECK (offset_days BETWEEN -60 AND 365),
    minimum_overdue    numeric(19,4) NOT NULL CHECK (minimum_overdue >= 0),
    fee_amount         numeric(19,4) CHECK (fee_amount >= 0),
    assess_interest    boolean       NOT NULL,
    escalation         varchar(16)   CHECK (escalation IN ('AGENCY', 'LEGAL')),
    FOREIGN KEY (policy_id, policy_version) REFERENCES dunning_policy_version (policy_id, version),
    UNIQUE (policy_id, policy_version, step_number),
    UNIQUE (policy_id, policy_version, offset_days)
);

-- The channels of a step, each with the template it sends.
CREATE TABLE dunning_policy_step_channel (
    step_id      uuid        NOT NULL REFERENCES dunning_policy_step (id),
    channel      varchar(16) NOT NULL CHECK (channel IN ('EMAIL', 'SMS', 'LETTER', 'PHONE_TASK')),
    template_key varchar(64) NOT NULL,
    PRIMARY KEY (step_id, channel)
);

-- Which policy a customer segment gets; the default (dunning_default_policy) for segments without a row.
CREATE TABLE dunning_segment_policy (
    segment    varchar(64) PRIMARY KEY,
    policy_id  uuid        NOT NULL REFERENCES dunning_policy (id),
    updated_at timestamptz NOT NULL
);
CREATE INDEX dunning_segment_policy_policy ON dunning_segment_policy (policy_id);

-- The one default policy: a single row (id is always 1).
CREATE TABLE dunning_default_policy (
    id         smallint PRIMARY KEY CHECK (id = 1),
    policy_id  uuid        NOT NULL REFERENCES dunning_policy (id),
    updated_at timestamptz NOT NULL
);

-- A customer's own policy, overriding its segment's and the default.
CREATE TABLE dunning_customer_policy (
    customer_id uuid PRIMARY KEY,
    policy_id   uuid        NOT NULL REFERENCES dunning_policy (id),
    updated_at  timestamptz NOT NULL
);
CREATE INDEX dunning_customer_policy_policy ON dunning_customer_policy (policy_id);
