--liquibase formatted sql

--changeset dunning:011-templates
-- A customised template: takes precedence over the shipped file of the same key, channel and language. The parts a
-- channel has are columns (EMAIL: subject, text, html; the other channels: text).
CREATE TABLE dunning_template (
    template_key varchar(64)  NOT NULL,
    channel      varchar(16)  NOT NULL CHECK (channel IN ('EMAIL', 'SMS', 'LETTER', 'PHONE_TASK')),
    language     varchar(8)   NOT NULL,
    subject      text,
    text_part    text         NOT NULL,
    html_part    text,
    version      bigint       NOT NULL,
    updated_at   timestamptz  NOT NULL,
    updated_by   varchar(200) NOT NULL,
    PRIMARY KEY (template_key, channel, language)
);
