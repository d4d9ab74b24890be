package io.receivables.dunning.run;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/** Reads (and, to simulate a stuck consumer, changes) the run's tables in tests. */
@ApplicationScoped
public class RunDatabase {

    @Inject
    Pool pool;

    public List<Row> rows(String sql, Object... args) {
        List<Row> rows = new ArrayList<>();
        pool.preparedQuery(sql).execute(Tuple.from(args)).await().indefinitely().forEach(rows::add);
        return rows;
    }

    public long count(String table, String where, Object... args) {
        return rows("SELECT count(*) FROM " + table + " WHERE " + where, args).getFirst().getLong(0);
    }

    /** A connection of its own, as another replica would hold one. */
    public SqlConnection connection() {
        return pool.getConnectionAndAwait();
    }

    public void execute(String sql, Object... args) {
        pool.preparedQuery(sql).execute(Tuple.from(args)).await().indefinitely();
    }
}
