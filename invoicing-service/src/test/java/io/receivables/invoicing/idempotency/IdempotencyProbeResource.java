package io.receivables.invoicing.idempotency;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;

import io.receivables.common.idempotency.Idempotency;
import io.receivables.common.security.Caller;
import io.receivables.invoicing.invoice.rest.CreateInvoiceRequest;
import io.receivables.invoicing.invoice.service.InvoiceService;
import io.smallrye.mutiny.Uni;

/**
 * Test-only: issues a real invoice through {@link InvoiceService#issue} (a {@code @WithTransaction} method) and then
 * fails while the response is being recorded, i.e. after the work has finished. If the service's transaction were its
 * own, the invoice would already be committed; joined to the key's transaction, it must roll back with it.
 */
@Path("/test-only/idempotency-probe")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class IdempotencyProbeResource {

    @Inject
    Idempotency idempotency;

    @Inject
    InvoiceService service;

    @Inject
    Caller caller;

    @POST
    @Operation(hidden = true, operationId = "testOnlyIdempotencyProbe")
    public Uni<Response> issueThenFailToRecord(@HeaderParam(Idempotency.HEADER) String key, CreateInvoiceRequest request) {
        return idempotency.handle(key, "POST /test-only/idempotency-probe", request,
                () -> service.issue(caller.actor(), request)
                        .map(invoice -> Response.status(201).entity(new Unwritable()).build()));
    }

    /** A response body Jackson cannot write. */
    public static final class Unwritable {
        public String getValue() {
            throw new IllegalStateException("this body cannot be written");
        }
    }
}
