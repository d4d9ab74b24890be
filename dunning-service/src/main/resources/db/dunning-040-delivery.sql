--liquibase formatted sql

--changeset dunning:040-delivery
--comment: dchan: what delivery adds to a message (when it bounced), the letters stored for printing, and the collectors' phone tasks (docs/dunning.md#channels-and-delivery)
ALTER TABLE dunning_message ADD COLUMN bounced_at timestamptz;

-- A LETTER message is delivered when its PDF is stored here (in the transaction that marks it SENT): printing takes it
-- from GET /letters/{messageId}.
CREATE TABLE dunning_letter (
    message_id  uuid        PRIMARY KEY REFERENCES dunning_message (id),
    customer_id uuid        NOT NULL,
    pdf         bytea       NOT NULL,
    created_at  timestamptz NOT NULL
);

-- A PHONE_TASK message is delivered when its task is created here, OPEN in the collectors' queue; one per message.
CREATE TABLE dunning_task (
    id           uuid          PRIMARY KEY,
    message_id   uuid          NOT NULL UNIQUE REFERENCES dunning_message (id),
    customer_id  uuid          NOT NULL,
    phone        varchar(320),
    script       text          NOT NULL,
    status       varchar(16)   NOT NULL CHECK (status IN ('OPEN', 'DONE')),
    assignee     varchar(100),
    outcome      varchar(32)   CHECK (outcome IN ('REACHED', 'NO_ANSWER', 'WRONG_NUMBER', 'PROMISED_TO_PAY', 'DISPUTED', 'OTHER')),
    note         varchar(2000),
    completed_by varchar(255),
    created_at   timestamptz   NOT NULL,
    completed_at timestamptz,
    version      bigint        NOT NULL DEFAULT 0,
    CHECK ((status = 'DONE') = (outcome IS NOT NULL))
);
CREATE INDEX dunning_task_queue_idx ON dunning_task (status, created_at DESC, id DESC);
CREATE INDEX dunning_task_customer_idx ON dunning_task (customer_id, created_at DESC, id DESC);
--rollback DROP TABLE dunning_task; DROP TABLE dunning_letter; ALTER TABLE dunning_message DROP COLUMN bounced_at;
