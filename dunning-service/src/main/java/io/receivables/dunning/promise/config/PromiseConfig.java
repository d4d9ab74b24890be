package io.receivables.dunning.promise.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Promises to pay (docs/dunning.md#promises-to-pay-and-holds). */
@ConfigMapping(prefix = "receivables.dunning.promise")
public interface PromiseConfig {

    /** Days after the promised date that reminders stay held, for the payment to arrive and be booked. */
    @WithDefault("3")
    int graceDays();

    /** How far ahead a promised date may be: a promise far in the future is a hold in disguise. */
    @WithDefault("90")
    int maxDaysAhead();

    Checks checks();

    interface Checks {

        /**
         * When the check runs (a Quartz cron, UTC; {@code off}: never). Read by PromiseChecks' {@code @Scheduled};
         * named here so that the mapping knows every property under its prefix.
         */
        @WithDefault("0 */5 * * * ?")
        String cron();

        /** OPEN promises claimed per transaction; a run goes through all of them, batch after batch. */
        @WithDefault("100")
        int batchSize();
    }
}
