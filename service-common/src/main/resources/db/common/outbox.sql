--liquibase formatted sql

--changeset receivables:outbox-1
--comment: The transactional outbox read by Debezium's Outbox Event Router (deploy/connect); one row per event.
CREATE TABLE outbox (
    id              UUID PRIMARY KEY,
    aggregatetype   VARCHAR(64)  NOT NULL,
    aggregateid     VARCHAR(64)  NOT NULL,
    customer_id     VARCHAR(64)  NOT NULL,
    type            VARCHAR(64)  NOT NULL,
    source          VARCHAR(128) NOT NULL,
    specversion     VARCHAR(8)   NOT NULL DEFAULT '1.0',
    datacontenttype VARCHAR(64)  NOT NULL DEFAULT 'application/json',
    dataschema      VARCHAR(256) NOT NULL,
    ce_time         VARCHAR(40)  NOT NULL,
    timestamp       TIMESTAMPTZ  NOT NULL DEFAULT now(),
    payload         JSONB        NOT NULL
);
CREATE INDEX outbox_timestamp_idx ON outbox (timestamp);
--rollback DROP TABLE outbox;

--changeset receivables:outbox-2
--comment: The writing transaction of each row, so that OutboxRetention can tell which rows Debezium has surely captured (xid8 as bigint; rows written before this change get the migration's own, which only delays their deletion).
ALTER TABLE outbox ADD COLUMN txid BIGINT NOT NULL DEFAULT CAST(CAST(pg_current_xact_id() AS text) AS bigint);
--rollback ALTER TABLE outbox DROP COLUMN txid;
