package io.receivables.dunning.hold.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Manual holds (docs/dunning.md#promises-to-pay-and-holds). */
@ConfigMapping(prefix = "receivables.dunning.hold")
public interface HoldConfig {

    /** The furthest end date a collector may set, in days from today: a hold always ends. */
    @WithDefault("90")
    int maxDays();
}
