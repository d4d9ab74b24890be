package io.receivables.common.testing;

import java.util.List;
import java.util.Map;

/**
 * The bad-input suite of a service whose endpoints take no JSON body yet: service-common's admin endpoints for consumed
 * events ({@link #consumedEventsAdminCases()}), and GETs of its own if it has some. Payments, disputes and dunning,
 * which serve only the admin endpoints so far, extend it as it is with {@code @QuarkusTest} and their database; a
 * service adds its own cases by overriding {@link #badRequests()} (starting from these) and names the tables it writes.
 * Once an endpoint of the service reads a JSON body, its test extends {@link BadInputContract} instead, so that the
 * cases about reading a body run too.
 */
public abstract class AdminEndpointsBadInputContract extends BadInputContract {

    @Override
    protected List<BadRequest> badRequests() {
        return consumedEventsAdminCases();
    }

    /** The idempotency keys, which every service so far keeps (the outbox is counted where it exists). */
    @Override
    protected List<String> writtenTables() {
        return List.of("idempotency_key");
    }

    @Override
    protected Map<String, String> fixtures() {
        return Map.of();
    }

    @Override
    protected String bodyTarget() {
        return "/admin/dead-letters";
    }

    @Override
    protected final boolean takesJsonBodies() {
        return false;
    }
}
