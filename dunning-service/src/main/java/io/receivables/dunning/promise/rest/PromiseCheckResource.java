package io.receivables.dunning.promise.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.receivables.dunning.promise.service.PromiseChecks;
import io.smallrye.mutiny.Uni;

@Path("/promises-to-pay/checks")
@Tag(name = "Promises to pay")
@Produces(MediaType.APPLICATION_JSON)
public class PromiseCheckResource {

    private final PromiseChecks checks;

    @Inject
    public PromiseCheckResource(PromiseChecks checks) {
        this.checks = checks;
    }

    @POST
    @Operation(operationId = "runPromiseCheck", summary = "Keep or break promises to pay now", description = "What the scheduled check (receivables.dunning.promise.checks.cron, every 5 minutes by default) does, for operators and tests: every OPEN promise whose invoices received payments since it was made covering its amount becomes KEPT (promise-kept); one still uncovered after its holdUntil day (UTC) becomes BROKEN (promise-broken). Safe to repeat and to run on several replicas at once: each promise is kept or broken exactly once. The actor is system:dunning-promise-check, whoever runs it. Takes no body.")
    @APIResponse(responseCode = "200", description = "What this check did", content = @Content(schema = @Schema(implementation = PromiseChecks.CheckReport.class)))
    public Uni<PromiseChecks.CheckReport> run() {
        return checks.run();
    }
}
