--liquibase formatted sql

--changeset receivables:idempotency-1
--comment: The first response to each Idempotency-Key, per endpoint, written in the same transaction as the write it protects.
CREATE TABLE idempotency_key (
    endpoint        VARCHAR(128) NOT NULL,
    key             VARCHAR(255) NOT NULL,
    request_hash    CHAR(64)     NOT NULL,
    -- the response columns are filled in before the transaction commits, so a committed row always has them
    response_status SMALLINT,
    -- TEXT, not JSONB: a replay must return the first response byte for byte, and JSONB reorders keys
    response_body   TEXT,
    content_type    VARCHAR(128),
    location        VARCHAR(2048),
    etag            VARCHAR(128),
    created_at      TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (endpoint, key)
);
CREATE INDEX idempotency_key_created_at_idx ON idempotency_key (created_at);
--rollback DROP TABLE idempotency_key;
