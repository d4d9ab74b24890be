package io.receivables.disputes.sla.rest;

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

import io.receivables.disputes.sla.service.SlaChecks;
import io.smallrye.mutiny.Uni;

@Path("/disputes/sla-checks")
@Tag(name = "Dispute SLAs", description = "First-response and resolution due times in business days, and their breaches")
@Produces(MediaType.APPLICATION_JSON)
public class SlaCheckResource {

    private final SlaChecks checks;

    @Inject
    public SlaCheckResource(SlaChecks checks) {
        this.checks = checks;
    }

    @POST
    @Operation(operationId = "runDisputeSlaCheck", summary = "Look for breached dispute SLAs now", description = "What the scheduled check (receivables.disputes.sla-checks.cron, every minute by default) does, for operators and tests: every active dispute (not RESOLVED or WITHDRAWN) whose first response is past its due time and not given, or whose resolution is past its due time, gets the breach stamped (firstResponseBreachedAt, resolutionBreachedAt), an SLA_BREACHED activity and a dispute-sla-breached event, each in its own transaction. Safe to repeat and to run on several replicas at once: a breach is published once per dispute and kind. The breach's actor is system:dispute-sla-checker, whoever runs the check. Takes no body.")
    @APIResponse(responseCode = "200", description = "What this run found", content = @Content(schema = @Schema(implementation = SlaChecks.RunReport.class)))
    public Uni<SlaChecks.RunReport> run() {
        return checks.run();
    }
}
