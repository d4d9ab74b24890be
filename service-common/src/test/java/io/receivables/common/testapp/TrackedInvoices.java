package io.receivables.common.testapp;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.receivables.common.paging.Cursors;
import io.receivables.common.paging.Page;
import io.smallrye.mutiny.Uni;

/** The self-test application's repository: Panache's own queries, and a keyset page as the services write them. */
@ApplicationScoped
public class TrackedInvoices implements PanacheRepositoryBase<TrackedInvoice, UUID> {

    /** The invoices with {@code reference}, by id (the keyset), after {@code cursor}. */
    public Uni<Page<TrackedInvoice>> page(String reference, String cursor, int limit) {
        // range is inclusive: limit + 1 rows tell whether there is a next page
        if (cursor == null) {
            return find("reference = ?1 order by id", reference).range(0, limit).list()
                    .map(rows -> page(rows, limit));
        }
        UUID after = parseId(Cursors.decode(cursor, 1).get(0));
        return find("reference = ?1 and id > ?2 order by id", reference, after).range(0, limit).list()
                .map(rows -> page(rows, limit));
    }

    private static Page<TrackedInvoice> page(List<TrackedInvoice> rows, int limit) {
        return Cursors.page(rows, limit, invoice -> Cursors.encode(invoice.id.toString()));
    }

    private static UUID parseId(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw Cursors.notOurs();
        }
    }
}
