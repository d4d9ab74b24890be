package io.receivables.dunning.run.service;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** receivables.dunning.run.* (docs/dunning.md#the-run). */
@ConfigMapping(prefix = "receivables.dunning.run")
public interface RunConfig {

    /** The time of day (UTC, HH:mm) from which the day's scheduled run is created. */
    @WithDefault("06:00")
    String dailyAt();

    /** How often a replica checks whether the day's scheduled run is due ({@code off} disables it). */
    @WithDefault("1m")
    String scheduleCheckEvery();

    /** How often a replica joins waiting and running runs ({@code off}: tests drive the worker). */
    @WithDefault("5s")
    String workerEvery();

    /** How long a run waits for the consumers to catch up to its start before it fails, sending nothing. */
    @WithDefault("10m")
    Duration catchUpTimeout();

    /** Whether a run may be for a day after today (tests and the platform end-to-end test). */
    @WithDefault("false")
    boolean allowFutureAsOf();

}
