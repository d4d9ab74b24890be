package io.receivables.common.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.receivables.common.problem.FieldError;
import io.receivables.common.problem.ProblemException;

class NewestFirstTest {

    private static final NewestFirst ORDER = new NewestFirst("p", "receivedAt");

    private record Row(Instant at, UUID id) {
    }

    @Test
    void theFirstPageIsOnlyOrderedNewestFirstThenById() {
        StringBuilder query = new StringBuilder("from Payment p where 1 = 1");
        Map<String, Object> parameters = new HashMap<>();
        ORDER.continueAfter(null, query, parameters);
        assertThat(query).hasToString("from Payment p where 1 = 1 order by p.receivedAt desc, p.id desc");
        assertThat(parameters).isEmpty();
    }

    @Test
    void theNextPageStartsStrictlyAfterTheLastRowOfThePageBefore() {
        Row first = new Row(Instant.parse("2026-12-02T10:00:00.123456Z"), UUID.randomUUID());
        Row last = new Row(Instant.parse("2026-12-01T09:00:00.000001Z"), UUID.randomUUID());
        Page<Row> page = ORDER.page(List.of(first, last, new Row(Instant.EPOCH, UUID.randomUUID())), 2, Row::at,
                Row::id);
        assertThat(page.items()).containsExactly(first, last);

        StringBuilder query = new StringBuilder("from Payment p where p.status = :status");
        Map<String, Object> parameters = new HashMap<>(Map.of("status", "RECEIVED"));
        ORDER.continueAfter(page.nextCursor(), query, parameters);
        assertThat(query).hasToString("from Payment p where p.status = :status and (p.receivedAt < :keysetAt"
                + " or (p.receivedAt = :keysetAt and p.id < :keysetId)) order by p.receivedAt desc, p.id desc");
        assertThat(parameters).containsEntry("keysetAt", last.at()).containsEntry("keysetId", last.id())
                .containsEntry("status", "RECEIVED");
    }

    @Test
    void aCursorOfAnotherShapeIsA400NamingCursor() {
        for (String bad : List.of(Cursors.encode("yesterday", UUID.randomUUID().toString()),
                Cursors.encode(Instant.EPOCH.toString(), "not-a-uuid"), Cursors.encode("2026-12-01"))) {
            assertThatThrownBy(() -> ORDER.continueAfter(bad, new StringBuilder(), new HashMap<>())).as(bad)
                    .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.errors())
                            .extracting(FieldError::field).containsExactly("cursor"));
        }
    }
}
