package io.receivables.dunning;

import jakarta.inject.Singleton;

/** service-common's test clock as this service's bean: it replaces the default clock in every test. */
@Singleton
public class MutableClock extends io.receivables.common.testing.MutableClock {
}
