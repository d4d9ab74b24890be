--liquibase formatted sql

--changeset receivables:invoicing-012
--comment: Catch-up becomes a decision (catch_up_from) and is capped. Schedules created before: those whose start lay before their creation day caught up from their start under the old rule, so that is recorded; an active one still owing more than 12 started periods (the default cap, receivables.invoicing.schedules.max-catch-up) is paused with the reason in last_error, so the upgrade neither bills years at once nor skips anything silently: an operator resumes it (missed periods are skipped, as after any pause) or cancels it and creates it again with catchUpFrom. Up to 12 owed periods are still issued, a bounded number per run.
ALTER TABLE billing_schedule
    -- null: billing started with the first period on or after the day the schedule was created
    ADD COLUMN catch_up_from DATE,
    ADD CONSTRAINT billing_schedule_catch_up_after_start CHECK (catch_up_from IS NULL OR catch_up_from >= start_date);

UPDATE billing_schedule SET catch_up_from = start_date WHERE start_date < (created_at AT TIME ZONE 'UTC')::date;

-- The 13th period from the next one to issue, placed as BillingCalendar places it (the anchor day, or the last day of a
-- shorter month): when it has started by today (UTC) and is not past the end date, more than 12 periods are owed.
WITH owed AS (
    SELECT id, next_period_start,
           (date_trunc('month', next_period_start::TIMESTAMP)
               + make_interval(months => 12 * CASE frequency WHEN 'MONTHLY' THEN 1 WHEN 'QUARTERLY' THEN 3 ELSE 12 END)
           )::date AS month13,
           anchor_day, end_date
    FROM billing_schedule
    WHERE status = 'ACTIVE'
), thirteenth AS (
    SELECT id, next_period_start, end_date,
           month13 + (LEAST(anchor_day,
                            EXTRACT(DAY FROM month13 + INTERVAL '1 month' - INTERVAL '1 day')::INTEGER) - 1) AS period13
    FROM owed
)
UPDATE billing_schedule s SET
    status        = 'PAUSED',
    last_error    = 'Paused by the upgrade to bounded catch-up: more than 12 periods from ' || t.next_period_start
                    || ' were still unbilled. Resume to bill from the next period on (the missed ones are skipped), or'
                    || ' cancel and create the schedule again with catchUpFrom.',
    last_error_at = now(),
    updated_at    = now(),
    version       = s.version + 1
FROM thirteenth t
WHERE s.id = t.id
  AND t.period13 < (now() AT TIME ZONE 'UTC')::date
  AND (t.end_date IS NULL OR t.period13 <= t.end_date);
--rollback ALTER TABLE billing_schedule DROP COLUMN catch_up_from;
