package io.receivables.payments.balance.rest;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.receivables.common.idempotency.Idempotency;
import io.receivables.common.money.Currencies;
import io.receivables.common.money.DecimalStrings;
import io.receivables.common.problem.Problem;
import io.receivables.common.security.Caller;
import io.receivables.common.text.FreeText;
import io.receivables.contracts.events.Actor;
import io.receivables.contracts.events.RefundIssued;
import io.receivables.payments.balance.service.CustomerBalances;
import io.smallrye.mutiny.Uni;

@Path("/customers/{id}")
@Tag(name = "Credit balances", description = "A customer's unapplied cash, and refunds of it")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CustomerBalanceResource {

    private final CustomerBalances balances;
    private final Idempotency idempotency;
    private final Caller caller;

    @Inject
    public CustomerBalanceResource(CustomerBalances balances, Idempotency idempotency, Caller caller) {
        this.caller = caller;
        this.balances = balances;
        this.idempotency = idempotency;
    }

    /** The customer's unapplied cash per currency. */
    public record BalanceResponse(UUID customerId, List<CurrencyBalanceResponse> currencies) {
    }

    public record CurrencyBalanceResponse(String currency, String unappliedCash, List<SourceResponse> sources) {
    }

    public record SourceResponse(UUID paymentId, LocalDate valueDate, String unappliedAmount,
            @Schema(nullable = true) String reference) {
    }

    public record RefundRequest(
            @Schema(required = true) @NotNull @Pattern(regexp = DecimalStrings.REGEX, message = "must be a decimal string such as \"30.00\"") String amount,
            @Schema(required = true) @NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as EUR") String currency,
            @Schema(description = "Default today (UTC); not in the future") LocalDate refundDate,
            @Schema(required = true) @NotNull RefundIssued.Method method,
            @Schema(description = "The IBAN the money goes to") @Size(max = 42) String payeeAccount,
            @Size(max = 1000) String note) {
    }

    public record RefundResponse(UUID id, UUID customerId, String amount, String currency, LocalDate refundDate,
            RefundIssued.Method method, @Schema(nullable = true) String payeeAccount, @Schema(nullable = true) String note,
            List<RefundSourceResponse> sources, Instant issuedAt) {
    }

    public record RefundSourceResponse(UUID paymentId, String amount) {
    }

    @GET
    @Path("balance")
    @Operation(operationId = "getCustomerBalance", summary = "A customer's unapplied cash", description = "Per currency: the unapplied cash of the customer's payments that stand, and the payments it sits on (oldest value date first).")
    @APIResponse(responseCode = "200", description = "The balance", content = @Content(schema = @Schema(implementation = BalanceResponse.class)))
    @APIResponse(responseCode = "404", description = "No such customer", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<BalanceResponse> balance(@PathParam("id") UUID id) {
        return balances.balance(id).map(list -> new BalanceResponse(id, list.stream()
                .map(b -> new CurrencyBalanceResponse(b.currency(), Currencies.format(b.unappliedCash(), b.currency()),
                        b.sources().stream().map(s -> new SourceResponse(s.paymentId(), s.valueDate(),
                                Currencies.format(s.unappliedAmount(), b.currency()), s.reference())).toList()))
                .toList()));
    }

    @WithTransaction
    @POST
    @Path("refunds")
    @Operation(operationId = "issueRefund", summary = "Pay unapplied cash back", description = "Never more than the customer's unapplied cash in that currency; taken from its oldest payments first. Publishes refund-issued.")
    @APIResponse(responseCode = "201", description = "Refunded", content = @Content(schema = @Schema(implementation = RefundResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid request, or more than the unapplied cash (naming amount)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such customer", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Idempotency-Key already used for a different request", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> refund(@PathParam("id") UUID id,
            @NotNull(message = "a JSON body is required") @Valid RefundRequest request,
            @Parameter(name = Idempotency.HEADER, in = ParameterIn.HEADER, description = Idempotency.HEADER_DESCRIPTION) @HeaderParam(Idempotency.HEADER) String idempotencyKey) {
        Actor actor = caller.actor();
        return idempotency.handle(idempotencyKey, "POST /customers/" + id + "/refunds", request,
                () -> balances.refund(actor, id, new CustomerBalances.IssueRefund(new BigDecimal(request.amount()),
                        request.currency(), request.refundDate(), request.method(),
                        FreeText.optional(request.payeeAccount()), FreeText.optional(request.note())))
                        .map(issued -> {
                            var r = issued.refund();
                            return Response.status(Response.Status.CREATED).entity(new RefundResponse(r.id,
                                    r.customerId, Currencies.format(r.amount, r.currency), r.currency, r.refundDate,
                                    r.method, r.payeeAccount, r.note, issued.sources().stream()
                                            .map(s -> new RefundSourceResponse(s.paymentId(),
                                                    Currencies.format(s.amount(), r.currency)))
                                            .toList(),
                                    r.issuedAt)).build();
                        }));
    }
}
