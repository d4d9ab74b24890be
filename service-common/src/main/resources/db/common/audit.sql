--liquibase formatted sql

--changeset receivables:audit-1
--comment: The audit log: who changed what and when, one row per state change, written in the change's transaction (OutboxWriter for every change with an event, AuditLog for the others). Append-only.
CREATE TABLE audit_log (
    id              UUID PRIMARY KEY,
    occurred_at     TIMESTAMPTZ  NOT NULL,
    actor_kind      VARCHAR(16)  NOT NULL,
    actor_id        VARCHAR(255) NOT NULL,
    actor_username  VARCHAR(255),
    actor_client_id VARCHAR(255),
    operation       VARCHAR(64)  NOT NULL,
    entity_type     VARCHAR(64)  NOT NULL,
    entity_id       VARCHAR(64)  NOT NULL,
    summary         JSONB        NOT NULL, -- {"changes": [{"field": "status", "from": "ISSUED", "to": "VOIDED"}, ...]}
    CONSTRAINT audit_log_actor_kind CHECK (actor_kind IN ('USER', 'SERVICE_ACCOUNT', 'SYSTEM'))
);
CREATE INDEX audit_log_occurred_idx ON audit_log (occurred_at DESC, id DESC);
CREATE INDEX audit_log_entity_idx ON audit_log (entity_id, occurred_at DESC, id DESC);
CREATE INDEX audit_log_actor_idx ON audit_log (actor_id, occurred_at DESC, id DESC);
CREATE INDEX audit_log_actor_username_idx ON audit_log (actor_username, occurred_at DESC, id DESC);
--rollback DROP TABLE audit_log;

--changeset receivables:audit-2 splitStatements:false
--comment: Append-only in the database itself, not only in the code: an UPDATE, DELETE or TRUNCATE of audit_log fails, whoever sends it.
CREATE FUNCTION audit_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change();
--rollback DROP TRIGGER audit_log_no_truncate ON audit_log; DROP TRIGGER audit_log_append_only ON audit_log; DROP FUNCTION audit_log_refuse_change();
