package io.receivables.common.testapp;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

import org.eclipse.microprofile.openapi.annotations.Operation;

import io.receivables.local.FreePorts;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;

/**
 * Queries a PostgreSQL that is not there (a port nobody listens on) with the real reactive client, as a service does
 * while its database is down or restarting: the client's own failure reaches service-common's exception mappers.
 */
@Path("/unreachable-database")
public class UnreachableDatabaseResource {

    @Inject
    Vertx vertx;

    @GET
    @Operation(operationId = "queryUnreachableDatabase", summary = "Query a database that is down", description = "Answers 503 problem+json, as any service does while its database is down.")
    public Uni<String> query() {
        Pool pool = PgBuilder.pool()
                .connectingTo(new PgConnectOptions().setHost("127.0.0.1").setPort(FreePorts.find())
                        .setDatabase("selftest").setUser("postgres"))
                .using(vertx)
                .build();
        return Uni.createFrom().completionStage(() -> pool.query("SELECT 1").execute().toCompletionStage())
                .map(rows -> "reached")
                .onTermination().invoke(() -> pool.close());
    }
}
