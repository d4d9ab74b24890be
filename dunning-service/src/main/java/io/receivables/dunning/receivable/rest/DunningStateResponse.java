package io.receivables.dunning.receivable.rest;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A customer's dunning state (GET /customers/{id}/dunning-state); amounts are decimal strings in the currency. */
@Schema(name = "DunningState")
public record DunningStateResponse(
        UUID customerId,
        @Schema(description = "The day overdue and do-not-dun were judged on") LocalDate asOf,
        @Schema(nullable = true, description = "Null while the customer is known only from its invoices") String legalName,
        @Schema(nullable = true) String segment,
        @Schema(nullable = true, description = "The language reminders are written in; null: the default") String language,
        @Schema(nullable = true) String billingEmail,
        @Schema(nullable = true, description = "The primary contact's phone, else the first contact's that has one") String phone,
        @Schema(nullable = true) DoNotDunResponse doNotDun,
        @Schema(description = "Open invoices, by due date") List<ItemResponse> items,
        @Schema(description = "Every hold the run obeys on asOf: do-not-dun, disputes, ACTIVE payment plans, promises to pay, manual holds, escalations") List<HoldResponse> holds) {

    @Schema(name = "DunningDoNotDun")
    public record DoNotDunResponse(String reason,
            @Schema(nullable = true, description = "Inclusive; null: until lifted") LocalDate until,
            @Schema(description = "Whether it suppresses reminders on asOf") boolean active) {
    }

    @Schema(name = "DunningStateItem")
    public record ItemResponse(UUID invoiceId, String invoiceNumber, String currency, LocalDate issueDate,
            LocalDate dueDate, String total, String openAmount,
            @Schema(description = "Held from collection by open disputes") String disputedAmount,
            @Schema(description = "openAmount - disputedAmount, never below zero") String collectableAmount,
            @Schema(description = "Whether its effective due date (or an instalment's) is before asOf") boolean overdue,
            @Schema(description = "A fee invoice (bills a late fee): never charged a fee itself") boolean feeInvoice,
            @Schema(nullable = true, description = "On a fee invoice: the overdue invoice the fee was charged on") UUID feeForInvoiceId,
            @Schema(nullable = true, description = "The ACTIVE payment plan covering it") UUID planId,
            @Schema(description = "The plan's instalments (0: the down payment), whose dates replace dueDate; empty without a plan") List<InstalmentResponse> instalments) {
    }

    @Schema(name = "DunningStateInstalment")
    public record InstalmentResponse(int number, LocalDate dueDate, String amount) {
    }

    @Schema(name = "DunningHoldKind")
    public enum HoldKind {
        DO_NOT_DUN,
        DISPUTE,
        PAYMENT_PLAN,
        PROMISE_TO_PAY,
        MANUAL_HOLD,
        ESCALATED
    }

    @Schema(name = "DunningHold")
    public record HoldResponse(HoldKind kind,
            @Schema(nullable = true, description = "The invoice it holds; null: the whole customer") UUID invoiceId,
            @Schema(nullable = true, description = "The amount held (a dispute's)") String amount,
            @Schema(nullable = true, description = "The last day it holds, where it ends on a date") LocalDate until,
            @Schema(nullable = true, description = "The promise, manual hold or escalation that holds it") UUID reference) {
    }
}
