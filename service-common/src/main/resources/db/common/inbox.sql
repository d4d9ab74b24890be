--liquibase formatted sql

--changeset receivables:inbox-1
--comment: Events this service has applied, keyed by ce_id, written in the same transaction as the state change.
CREATE TABLE inbox (
    event_id    UUID PRIMARY KEY,
    type        VARCHAR(64)  NOT NULL,
    source      VARCHAR(128) NOT NULL,
    subject     VARCHAR(64),
    event_time  TIMESTAMPTZ,
    applied_at  TIMESTAMPTZ  NOT NULL
);
CREATE INDEX inbox_applied_at_idx ON inbox (applied_at);
--rollback DROP TABLE inbox;

--changeset receivables:inbox-2
--comment: Events that arrived before what they refer to (a payment before its invoice): recorded in the inbox and kept here, in the same transaction, until the handler of the referenced event applies them in arrival order.
CREATE TABLE parked_event (
    seq             BIGSERIAL PRIMARY KEY,
    event_id        UUID         NOT NULL UNIQUE,
    reference       VARCHAR(200) NOT NULL,
    event_type      VARCHAR(64)  NOT NULL,
    topic           VARCHAR(249) NOT NULL,
    kafka_partition INTEGER      NOT NULL,
    record_offset   BIGINT       NOT NULL,
    message_key     TEXT,
    headers         TEXT         NOT NULL,
    payload         TEXT         NOT NULL,
    parked_at       TIMESTAMPTZ  NOT NULL
);
CREATE INDEX parked_event_reference_idx ON parked_event (reference, seq);
--rollback DROP TABLE parked_event;

--changeset receivables:inbox-3
--comment: Records a consumer gave up on (they can never apply as they are), kept for ops to list and replay after a fix; also sent to the dead-letter topic.
CREATE TABLE dead_letter (
    id                  UUID PRIMARY KEY,
    event_id            UUID,
    event_type          VARCHAR(64),
    topic               VARCHAR(249) NOT NULL,
    kafka_partition     INTEGER      NOT NULL,
    record_offset       BIGINT       NOT NULL,
    message_key         TEXT,
    headers             TEXT         NOT NULL,
    payload             TEXT,
    reason              TEXT         NOT NULL,
    dead_lettered_at    TIMESTAMPTZ  NOT NULL,
    replayed_at         TIMESTAMPTZ,
    last_replay_failure TEXT,
    CONSTRAINT dead_letter_record_uq UNIQUE (topic, kafka_partition, record_offset)
);
CREATE INDEX dead_letter_open_idx ON dead_letter (dead_lettered_at) WHERE replayed_at IS NULL;
--rollback DROP TABLE dead_letter;

--changeset receivables:inbox-4
--comment: The dead-letter topic is fed from this table: a row is recorded in the transaction that gives up on the event, and marked published once the topic has it, so that a failed send is retried and neither loses the event nor records it twice. Rows from before were sent by the connector.
ALTER TABLE dead_letter ADD COLUMN published_at TIMESTAMPTZ;
UPDATE dead_letter SET published_at = dead_lettered_at;
CREATE INDEX dead_letter_unpublished_idx ON dead_letter (dead_lettered_at) WHERE published_at IS NULL;
--rollback DROP INDEX dead_letter_unpublished_idx; ALTER TABLE dead_letter DROP COLUMN published_at;
