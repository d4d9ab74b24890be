package io.receivables.invoicing.statement.rest;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.receivables.common.money.Currencies;
import io.receivables.invoicing.document.StatementDocument;
import io.receivables.invoicing.document.StatementDocument.RowKind;
import io.receivables.invoicing.statement.service.StatementService;

/**
 * A statement of account as JSON: the open items (invoices with something still due on the statement date), the
 * credits (credit notes and payments not yet set off against an invoice, as negative amounts), the balance (what the
 * customer owes; negative when in credit) and the aging of the open items.
 */
public record StatementResponse(UUID customerId, String legalName, LocalDate asOf, String currency, String balance,
        List<Item> openItems, List<Item> credits, Aging aging) {

    /** One document on the account; {@code openAmount} is what of {@code amount} still counts on the statement date. */
    @Schema(name = "StatementItem")
    public record Item(RowKind kind, String documentNumber, LocalDate date,
            @Schema(nullable = true, description = "null for a credit") LocalDate dueDate, String amount,
            String openAmount, int daysOverdue) {
    }

    @Schema(name = "StatementAging")
    public record Aging(String current, String days1To30, String days31To60, String days61To90, String over90Days) {
    }

    static StatementResponse of(StatementService.Statement statement) {
        StatementDocument document = statement.document();
        String currency = document.currency();
        List<Item> items = document.rows().stream().map(row -> new Item(row.kind(), row.documentNumber(), row.date(),
                row.dueDate(), Currencies.format(row.amount(), currency), Currencies.format(row.openAmount(), currency),
                row.daysOverdue())).toList();
        StatementDocument.Aging aging = document.aging();
        return new StatementResponse(statement.customer().id, statement.customer().legalName, document.asOf(),
                currency, Currencies.format(document.balance(), currency),
                items.stream().filter(item -> item.kind() == RowKind.INVOICE).toList(),
                items.stream().filter(item -> item.kind() != RowKind.INVOICE).toList(),
                new Aging(Currencies.format(aging.current(), currency), Currencies.format(aging.days1To30(), currency),
                        Currencies.format(aging.days31To60(), currency), Currencies.format(aging.days61To90(), currency),
                        Currencies.format(aging.over90Days(), currency)));
    }
}
