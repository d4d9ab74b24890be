package io.receivables.common.paging;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * The keyset of a listing ordered newest first: by an instant descending, ties broken by the UUID id descending, so
 * that rows written while a client pages neither repeat nor go missing. One place for the cursor's shape (the last
 * row's instant and id) and its checks, for every repository that lists that way.
 *
 * @param alias the entity's alias in the JPQL query ({@code p} in {@code from Payment p})
 * @param instantField the entity's instant field that orders the listing ({@code receivedAt})
 */
public record NewestFirst(String alias, String instantField) {

    private static final String AT = "keysetAt";
    private static final String ID = "keysetId";

    /**
     * Appends to {@code query} (whose where clause is open: it ends in a condition) the condition that starts the page
     * after {@code cursor}, with its parameters, and then the order; with no cursor only the order.
     */
    public void continueAfter(String cursor, StringBuilder query, Map<String, Object> parameters) {
        String at = alias + "." + instantField;
        String id = alias + ".id";
        if (cursor != null) {
            List<String> after = Cursors.decode(cursor, 2);
            query.append(" and (").append(at).append(" < :").append(AT).append(" or (").append(at).append(" = :")
                    .append(AT).append(" and ").append(id).append(" < :").append(ID).append("))");
            parameters.put(AT, instant(after.get(0)));
            parameters.put(ID, id(after.get(1)));
        }
        query.append(" order by ").append(at).append(" desc, ").append(id).append(" desc");
    }

    /** The page of at most {@code limit} rows of the {@code limit + 1} fetched, with the cursor after its last. */
    public <T> Page<T> page(List<T> fetched, int limit, Function<T, Instant> instantOf, Function<T, UUID> idOf) {
        return Cursors.page(fetched, limit, row -> Cursors.encode(instantOf.apply(row).toString(), idOf.apply(row)
                .toString()));
    }

    private static Instant instant(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw Cursors.notOurs();
        }
    }

    private static UUID id(String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw Cursors.notOurs();
        }
    }
}
