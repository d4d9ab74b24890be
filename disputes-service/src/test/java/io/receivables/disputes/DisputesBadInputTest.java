package io.receivables.disputes;

import java.util.ArrayList;
import java.util.List;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.receivables.common.testing.AdminEndpointsBadInputContract;
import io.receivables.local.testing.LocalInfraTestResource;

/**
 * The probe's hostile requests against what the disputes service serves so far, service-common's admin endpoints for
 * consumed events (no consumer tables yet): each gets a 4xx problem and writes nothing. The service adds its own
 * endpoints' cases here as it grows (see {@link AdminEndpointsBadInputContract}).
 */
@QuarkusTest
@WithTestResource(value = LocalInfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "disputes"))
class DisputesBadInputTest extends AdminEndpointsBadInputContract {

    @Override
    protected List<BadRequest> badRequests() {
        List<BadRequest> cases = new ArrayList<>(super.badRequests());
        // --- statistics (GET /disputes/stats) ---
        cases.addAll(List.of(
                BadRequest.get("/disputes/stats").named("stats without a period").rejects("from"),
                BadRequest.get("/disputes/stats?from=2026-11-01").named("stats without to").rejects("to"),
                BadRequest.get("/disputes/stats?to=2026-11-30").named("stats without from").rejects("from"),
                BadRequest.get("/disputes/stats?from=yesterday&to=2026-11-30").named("stats from not a date")
                        .rejects("from"),
                BadRequest.get("/disputes/stats?from=2026-11-01&to=2026-02-30").named("stats to no such date")
                        .rejects("to"),
                BadRequest.get("/disputes/stats?from=1800-01-01&to=2026-11-30").named("stats from out of range")
                        .rejects("from"),
                BadRequest.get("/disputes/stats?from=2026-12-01&to=2026-11-30").named("stats from after to")
                        .rejects("from"),
                BadRequest.get("/disputes/stats?from=2026-11-01&to=2026-11-30&currency=XYZ")
                        .named("stats in an unknown currency").rejects("currency"),
                BadRequest.get("/disputes/stats?from=2026-11-01&to=2026-11-30&currency=eur")
                        .named("stats currency in lower case").rejects("currency")));
        // --- end of statistics ---
        return cases;
    }

    @Override
    protected List<String> writtenTables() {
        return List.of("idempotency_key", "dispute", "dispute_activity");
    }
}
