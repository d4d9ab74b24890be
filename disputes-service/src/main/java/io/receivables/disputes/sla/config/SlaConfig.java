package io.receivables.disputes.sla.config;

import java.util.Map;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithDefaults;
import io.smallrye.config.WithParentName;

/**
 * The SLA of each reason code, in business days (docs/disputes.md#slas-and-business-days), e.g.
 * {@code receivables.disputes.sla.PRICING.first-response-days=2} and
 * {@code receivables.disputes.sla.PRICING.resolution-days=10}. A reason code not named has the defaults.
 */
@ConfigMapping(prefix = "receivables.disputes.sla")
public interface SlaConfig {

    /** By reason code name ({@code PRICING}, ...); an unknown name stops the service at start-up. */
    @WithParentName
    @WithDefaults
    Map<String, Policy> reasons();

    interface Policy {

        /** Business days from the opening to the first answer to the customer. */
        @WithDefault("2")
        int firstResponseDays();

        /** Business days from the opening (or the reopening) to the resolution. */
        @WithDefault("10")
        int resolutionDays();
    }
}
