package io.receivables.invoicing.invoice;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import io.receivables.common.problem.FieldError;
import io.receivables.common.problem.ProblemException;
import io.receivables.common.query.QueryParameters;

/**
 * What {@code GET /invoices} asks for: filters, a sort order and a page. Query parameters arrive as text and are parsed
 * here, so that a bad value is a 400 naming the parameter (JAX-RS would answer a failed conversion with a 404).
 */
public record InvoiceQuery(UUID customerId, InvoiceStatus status, LocalDate issuedFrom, LocalDate issuedTo,
        LocalDate dueFrom, LocalDate dueTo, boolean overdue, Sort sort, String cursor, int limit) {

    /** Sort orders; each breaks ties by invoice number, which is unique, so keyset pages are exact. */
    public enum Sort {
        ISSUE_DATE_DESC("-issueDate", "issueDate", true),
        ISSUE_DATE("issueDate", "issueDate", false),
        DUE_DATE("dueDate", "dueDate", false),
        DUE_DATE_DESC("-dueDate", "dueDate", true);

        private final String parameter;
        private final String field;
        private final boolean descending;

        Sort(String parameter, String field, boolean descending) {
            this.parameter = parameter;
            this.field = field;
            this.descending = descending;
        }

        public String field() {
            return field;
        }

        public boolean descending() {
            return descending;
        }

        static List<String> parameters() {
            return Arrays.stream(values()).map(s -> s.parameter).toList();
        }
    }

    /** Parses the query parameters; every bad one is reported at once. */
    public static InvoiceQuery parse(String customerId, String status, String issuedFrom, String issuedTo, String dueFrom,
            String dueTo, String overdue, String sort, String cursor, String limit) {
        List<FieldError> errors = new ArrayList<>();
        InvoiceQuery query = new InvoiceQuery(QueryParameters.uuid("customerId", customerId, errors),
                status(status, errors), QueryParameters.date("issuedFrom", issuedFrom, errors),
                QueryParameters.date("issuedTo", issuedTo, errors),
                QueryParameters.date("dueFrom", dueFrom, errors), QueryParameters.date("dueTo", dueTo, errors),
                bool("overdue", overdue, errors),
                sort(sort, errors), QueryParameters.text("cursor", cursor, errors),
                QueryParameters.limit("limit", limit, 50, 500, errors));
        if (query.issuedFrom() != null && query.issuedTo() != null && query.issuedTo().isBefore(query.issuedFrom())) {
            errors.add(new FieldError("issuedTo", "must not be before issuedFrom"));
        }
        if (query.dueFrom() != null && query.dueTo() != null && query.dueTo().isBefore(query.dueFrom())) {
            errors.add(new FieldError("dueTo", "must not be before dueFrom"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return query;
    }

    private static InvoiceStatus status(String value, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return InvoiceStatus.valueOf(value);
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError("status", "'" + value + "' is not one of " + Arrays.toString(InvoiceStatus.values())));
            return null;
        }
    }

    private static boolean bool(String name, String value, List<FieldError> errors) {
        if (value == null || value.isBlank() || value.equals("false")) {
            return false;
        }
        if (!value.equals("true")) {
            errors.add(new FieldError(name, "must be true or false"));
        }
        return true;
    }

    private static Sort sort(String value, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return Sort.ISSUE_DATE_DESC;
        }
        for (Sort sort : Sort.values()) {
            if (sort.parameter.equals(value)) {
                return sort;
            }
        }
        errors.add(new FieldError("sort", "'" + value + "' is not one of " + Sort.parameters()));
        return Sort.ISSUE_DATE_DESC;
    }
}
