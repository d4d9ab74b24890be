package io.receivables.payments.plan.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How payment plans are held to (docs/payments.md#payment-plans). */
@ConfigMapping(prefix = "receivables.payments.plans")
public interface PlanConfig {

    /** An instalment more than this many days past its due date, not paid in full, breaks its plan. */
    @WithDefault("5")
    int graceDays();

    /**
     * When the daily evaluation runs (a Quartz cron, UTC; {@code off}: never). Read by PlanScheduler's
     * {@code @Scheduled}; named here so that the mapping knows every property under its prefix.
     */
    @WithDefault("0 5 0 * * ?")
    String evaluationCron();
}
