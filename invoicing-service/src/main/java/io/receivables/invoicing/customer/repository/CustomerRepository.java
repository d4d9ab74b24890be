package io.receivables.invoicing.customer.repository;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.receivables.common.paging.Cursors;
import io.receivables.common.paging.Page;
import io.receivables.invoicing.customer.Customer;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class CustomerRepository implements PanacheRepositoryBase<Customer, UUID> {

    /** Customers by legal name, then id (the keyset), optionally of one segment. */
    public Uni<Page<Customer>> page(String segment, String cursor, int limit) {
        StringBuilder query = new StringBuilder("from Customer c where 1 = 1");
        Map<String, Object> parameters = new HashMap<>();
        if (segment != null) {
            query.append(" and c.segment = :segment");
            parameters.put("segment", segment);
        }
        if (cursor != null && !cursor.isBlank()) {
            List<String> after = Cursors.decode(cursor, 2);
            query.append(" and (c.legalName > :name or (c.legalName = :name and c.id > :id))");
            parameters.put("name", after.get(0));
            parameters.put("id", parseId(after.get(1)));
        }
        query.append(" order by c.legalName, c.id");
        // range is inclusive: limit + 1 rows tell whether there is a next page
        return find(query.toString(), parameters).range(0, limit).list()
                .map(rows -> Cursors.page(rows, limit, c -> Cursors.encode(c.legalName, c.id.toString())));
    }

    private static UUID parseId(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw Cursors.notOurs();
        }
    }
}
