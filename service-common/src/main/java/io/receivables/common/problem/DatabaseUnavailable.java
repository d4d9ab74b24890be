package io.receivables.common.problem;

import java.net.ConnectException;
import java.util.Set;

import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;

/**
 * Tells a failure because the database cannot be reached (down, restarting, recovering) from any other: the first is
 * a 503 the client may retry, not a 500. Looks through the whole cause chain, since Hibernate Reactive and Mutiny wrap
 * the client's exception.
 */
public final class DatabaseUnavailable {

    /**
     * SQLSTATEs of a server that is going away or not there yet: connection exceptions (class 08), admin shutdown,
     * crash shutdown, cannot connect now (starting up or in recovery).
     */
    private static final Set<String> UNAVAILABLE_STATES = Set.of("57P01", "57P02", "57P03");

    private DatabaseUnavailable() {
    }

    public static boolean isCause(Throwable failure) {
        int depth = 0;
        for (Throwable t = failure; t != null && depth < 32; t = t.getCause(), depth++) {
            if (t instanceof ConnectException || t instanceof ClosedConnectionException) {
                return true;
            }
            if (t instanceof PgException pg && pg.getSqlState() != null
                    && (pg.getSqlState().startsWith("08") || UNAVAILABLE_STATES.contains(pg.getSqlState()))) {
                return true;
            }
        }
        return false;
    }
}
