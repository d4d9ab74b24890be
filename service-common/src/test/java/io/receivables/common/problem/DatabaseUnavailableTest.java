package io.receivables.common.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.util.concurrent.CompletionException;

import org.hibernate.HibernateException;
import org.junit.jupiter.api.Test;

import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;

/** The failures of a database that is down or restarting, as Hibernate Reactive and Mutiny hand them over. */
class DatabaseUnavailableTest {

    @Test
    void aRefusedConnectionWrappedByHibernateReactiveIsUnavailable() {
        Throwable refused = new CompletionException(
                new HibernateException("could not obtain connection", new ConnectException("Connection refused")));

        assertThat(DatabaseUnavailable.isCause(refused)).isTrue();
    }

    @Test
    void aConnectionClosedUnderAQueryIsUnavailable() {
        assertThat(DatabaseUnavailable.isCause(new CompletionException(ClosedConnectionException.INSTANCE))).isTrue();
    }

    @Test
    void aServerShuttingDownOrStillRecoveringIsUnavailable() {
        assertThat(DatabaseUnavailable.isCause(pg("57P01", "terminating connection due to administrator command")))
                .isTrue();
        assertThat(DatabaseUnavailable.isCause(pg("57P03", "the database system is starting up"))).isTrue();
        assertThat(DatabaseUnavailable.isCause(pg("08006", "connection failure"))).isTrue();
    }

    @Test
    void otherDatabaseErrorsAndBugsAreNot() {
        assertThat(DatabaseUnavailable.isCause(pg("23505", "duplicate key value violates unique constraint")))
                .isFalse();
        assertThat(DatabaseUnavailable.isCause(new IllegalStateException("a bug"))).isFalse();
    }

    private static Throwable pg(String sqlState, String message) {
        return new HibernateException("query failed", new PgException(message, "FATAL", sqlState, null));
    }
}
