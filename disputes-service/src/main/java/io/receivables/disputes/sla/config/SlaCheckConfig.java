package io.receivables.disputes.sla.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How often breached SLAs are looked for (docs/disputes.md#slas-and-business-days). */
@ConfigMapping(prefix = "receivables.disputes.sla-checks")
public interface SlaCheckConfig {

    /**
     * When the check runs (a Quartz cron, UTC; {@code off}: never). Read by SlaChecks' {@code @Scheduled}; named here
     * so that the mapping knows every property under its prefix.
     */
    @WithDefault("0 * * * * ?")
    String cron();

    /** The most breaches one run stamps; the next run takes the rest, oldest due first. */
    @WithDefault("500")
    int batchSize();
}
