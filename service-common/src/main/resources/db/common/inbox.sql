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
