package io.receivables.common.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock for tests: the system clock until a test moves it forward, so that time-based behaviour (key expiry, SLA
 * breaches, plan deadlines) is tested without sleeping. Tests that move it reset it afterwards. Not a bean here (the
 * test-jar is not indexed): each service's tests declare {@code @Singleton class MutableClock extends} this one, which
 * then replaces service-common's default clock.
 */
public class MutableClock extends Clock {

    private volatile Duration offset = Duration.ZERO;

    public void advance(Duration by) {
        offset = offset.plus(by);
    }

    public void reset() {
        offset = Duration.ZERO;
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.offset(Clock.system(zone), offset);
    }
}
