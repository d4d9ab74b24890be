--liquibase formatted sql

--changeset receivables:disputes-020-evidence
--comment: A dispute's conversation and evidence: comments and attachments, each INTERNAL or visible to the CUSTOMER. An attachment's bytes are in a table of their own, so that listing attachments (and the timeline) never reads them.
CREATE TABLE dispute_comment (
    id             UUID PRIMARY KEY,
    dispute_id     UUID          NOT NULL REFERENCES dispute (id),
    created_at     TIMESTAMPTZ   NOT NULL,
    -- INTERNAL (staff only) or CUSTOMER (the customer's portal users see it too)
    visibility     VARCHAR(16)   NOT NULL,
    -- STAFF or CUSTOMER: which side wrote it (a portal user's token confined to the dispute's customer is CUSTOMER)
    author         VARCHAR(16)   NOT NULL,
    actor_kind     VARCHAR(16)   NOT NULL,
    actor_id       VARCHAR(255)  NOT NULL,
    actor_username VARCHAR(255),
    text           VARCHAR(4000) NOT NULL,
    CONSTRAINT dispute_comment_visibility CHECK (visibility IN ('INTERNAL', 'CUSTOMER')),
    CONSTRAINT dispute_comment_author CHECK (author IN ('STAFF', 'CUSTOMER')),
    -- a customer never writes an internal comment
    CONSTRAINT dispute_comment_customer_visible CHECK (author = 'STAFF' OR visibility = 'CUSTOMER')
);
CREATE INDEX dispute_comment_dispute_idx ON dispute_comment (dispute_id, created_at, id);

CREATE TABLE dispute_attachment (
    id             UUID PRIMARY KEY,
    dispute_id     UUID          NOT NULL REFERENCES dispute (id),
    created_at     TIMESTAMPTZ   NOT NULL,
    visibility     VARCHAR(16)   NOT NULL,
    author         VARCHAR(16)   NOT NULL,
    actor_kind     VARCHAR(16)   NOT NULL,
    actor_id       VARCHAR(255)  NOT NULL,
    actor_username VARCHAR(255),
    -- the name as uploaded, made safe (no path, no control characters) and ending in the extension of its type
    file_name      VARCHAR(255)  NOT NULL,
    -- as read from the content's first bytes, never from the name or the declared Content-Type
    content_type   VARCHAR(32)   NOT NULL,
    size_bytes     BIGINT        NOT NULL,
    -- hex SHA-256 of the content
    sha256         CHAR(64)      NOT NULL,
    CONSTRAINT dispute_attachment_visibility CHECK (visibility IN ('INTERNAL', 'CUSTOMER')),
    CONSTRAINT dispute_attachment_author CHECK (author IN ('STAFF', 'CUSTOMER')),
    CONSTRAINT dispute_attachment_customer_visible CHECK (author = 'STAFF' OR visibility = 'CUSTOMER'),
    CONSTRAINT dispute_attachment_type CHECK (content_type IN ('application/pdf', 'image/png', 'image/jpeg')),
    -- 10 MiB, the HTTP body limit (quarkus.http.limits.max-body-size)
    CONSTRAINT dispute_attachment_size CHECK (size_bytes BETWEEN 1 AND 10485760)
);
CREATE INDEX dispute_attachment_dispute_idx ON dispute_attachment (dispute_id, created_at, id);

CREATE TABLE dispute_attachment_content (
    attachment_id UUID PRIMARY KEY REFERENCES dispute_attachment (id),
    content       BYTEA NOT NULL,
    CONSTRAINT dispute_attachment_content_size CHECK (octet_length(content) BETWEEN 1 AND 10485760)
);
-- PDF, PNG and JPEG are compressed already: kept out of line without another futile compression attempt
ALTER TABLE dispute_attachment_content ALTER COLUMN content SET STORAGE EXTERNAL;
--rollback DROP TABLE dispute_attachment_content; DROP TABLE dispute_attachment; DROP TABLE dispute_comment;
