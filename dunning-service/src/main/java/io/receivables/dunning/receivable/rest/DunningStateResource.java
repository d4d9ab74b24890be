package io.receivables.dunning.receivable.rest;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.receivables.common.money.Currencies;
import io.receivables.common.problem.FieldError;
import io.receivables.common.problem.Problem;
import io.receivables.common.query.QueryParameters;
import io.receivables.dunning.hold.service.Holds;
import io.receivables.dunning.receivable.DunningCustomer;
import io.receivables.dunning.receivable.rest.DunningStateResponse.DoNotDunResponse;
import io.receivables.dunning.receivable.rest.DunningStateResponse.HoldKind;
import io.receivables.dunning.receivable.rest.DunningStateResponse.HoldResponse;
import io.receivables.dunning.receivable.rest.DunningStateResponse.InstalmentResponse;
import io.receivables.dunning.receivable.rest.DunningStateResponse.ItemResponse;
import io.receivables.dunning.receivable.service.DunningState;
import io.receivables.dunning.receivable.service.DunningStates;
import io.receivables.dunning.receivable.service.OpenItem;
import io.smallrye.mutiny.Uni;

@Path("/customers/{id}/dunning-state")
@Tag(name = "Dunning state", description = "What dunning knows of a customer: open items, collectable amounts, holds")
@Produces(MediaType.APPLICATION_JSON)
public class DunningStateResource {

    private final DunningStates states;

    @Inject
    public DunningStateResource(DunningStates states) {
        this.states = states;
    }

    @GET
    @Operation(operationId = "getDunningState", summary = "A customer's dunning state", description = "Read-only: the customer's contacts and do-not-dun, its open invoices with open, disputed and collectable amounts (open - disputed, never below zero), fee invoices marked, and the instalments of an ACTIVE payment plan covering one; and the holds known so far. Built from the invoicing, payments and disputes events, so it may trail them by moments.")
    @APIResponse(responseCode = "200", description = "The state", content = @Content(schema = @Schema(implementation = DunningStateResponse.class)))
    @APIResponse(responseCode = "400", description = "asOf is not a date", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such customer", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<DunningStateResponse> get(@PathParam("id") UUID id,
            @Parameter(description = "The day to judge overdue and do-not-dun on; default today (UTC)", schema = @Schema(type = SchemaType.STRING, format = "date")) @QueryParam("asOf") String asOf) {
        List<FieldError> errors = new ArrayList<>();
        LocalDate on = QueryParameters.date("asOf", asOf, errors);
        QueryParameters.rejectIfAny(errors);
        return states.state(id, on).map(DunningStateResource::response);
    }

    static DunningStateResponse response(DunningState state) {
        DunningCustomer c = state.customer();
        List<HoldResponse> holds = new ArrayList<>();
        DoNotDunResponse doNotDun = null;
        if (c.doNotDunReason != null) {
            doNotDun = new DoNotDunResponse(c.doNotDunReason, c.doNotDunUntil, c.doNotDunOn(state.asOf()));
            if (doNotDun.active()) {
                holds.add(new HoldResponse(HoldKind.DO_NOT_DUN, null, null, c.doNotDunUntil, null));
            }
        }
        List<ItemResponse> items = state.items().stream().map(item -> item(item, state.asOf())).toList();
        for (OpenItem item : state.items()) {
            if (item.disputedAmount().signum() > 0) {
                holds.add(new HoldResponse(HoldKind.DISPUTE, item.invoiceId(),
                        Currencies.format(item.disputedAmount(), item.currency()), null, null));
            }
            if (item.planId() != null) {
                LocalDate last = item.instalments().isEmpty() ? null
                        : item.instalments().get(item.instalments().size() - 1).dueDate();
                holds.add(new HoldResponse(HoldKind.PAYMENT_PLAN, item.invoiceId(), null, last, null));
            }
        }
        state.accountHold().ifPresent(hold -> holds.add(hold(hold, null)));
        state.items().stream().filter(item -> state.invoiceHolds().containsKey(item.invoiceId()))
                .forEach(item -> holds.add(hold(state.invoiceHolds().get(item.invoiceId()), item.invoiceId())));
        return new DunningStateResponse(c.id, state.asOf(), c.legalName, c.segment, c.language, c.billingEmail, c.phone,
                doNotDun, items, holds);
    }

    private static HoldResponse hold(Holds.Hold hold, UUID invoiceId) {
        HoldKind kind = switch (hold.kind()) {
            case PROMISE_TO_PAY -> HoldKind.PROMISE_TO_PAY;
            case MANUAL_HOLD -> HoldKind.MANUAL_HOLD;
            case ESCALATED -> HoldKind.ESCALATED;
        };
        return new HoldResponse(kind, invoiceId, null, hold.until(), hold.reference());
    }

    private static ItemResponse item(OpenItem item, LocalDate asOf) {
        String currency = item.currency();
        boolean overdue = item.effectiveDueDates().stream().anyMatch(due -> due.isBefore(asOf));
        return new ItemResponse(item.invoiceId(), item.invoiceNumber(), currency, item.issueDate(), item.dueDate(),
                Currencies.format(item.total(), currency), Currencies.format(item.openAmount(), currency),
                Currencies.format(item.disputedAmount(), currency), Currencies.format(item.collectableAmount(), currency),
                overdue, item.feeInvoice(), item.feeForInvoiceId(), item.planId(),
                item.instalments().stream().map(i -> new InstalmentResponse(i.number(), i.dueDate(),
                        Currencies.format(i.amount(), currency))).toList());
    }
}
