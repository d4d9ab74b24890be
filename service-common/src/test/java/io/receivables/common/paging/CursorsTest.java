package io.receivables.common.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.receivables.common.problem.FieldError;
import io.receivables.common.problem.ProblemException;
import io.receivables.common.problem.ProblemType;

class CursorsTest {

    @Test
    void aCursorDecodesToTheKeyPartsItWasMadeOf() {
        String cursor = Cursors.encode("2026-03-02", "INV-2026-000017", "ü \"quoted\" / +");
        assertThat(cursor).doesNotContain("=", "+", "/");
        assertThat(Cursors.decode(cursor, 3)).containsExactly("2026-03-02", "INV-2026-000017", "ü \"quoted\" / +");
    }

    @Test
    void aCursorThisApiDidNotIssueIsA400NamingCursor() {
        String twoParts = Cursors.encode("a", "b");
        for (String bad : List.of("not-a-cursor", "%%%", "", twoParts, json("{\"a\":1}"), json("[\"a\",null,\"c\"]"),
                json("[\"a\",\"b\u0000\",\"c\"]"), json("[1,2,3]x"), twoParts.substring(1))) {
            assertThatThrownBy(() -> Cursors.decode(bad, 3)).as(bad).isInstanceOfSatisfying(ProblemException.class,
                    e -> {
                        assertThat(e.type()).isEqualTo(ProblemType.VALIDATION);
                        assertThat(e.errors()).extracting(FieldError::field).containsExactly("cursor");
                    });
        }
    }

    @Test
    void aTamperedCursorIsRefusedNotReadAsAnotherPosition() {
        String cursor = Cursors.encode("2026-03-02", "INV-1");
        char[] chars = cursor.toCharArray();
        chars[0] = chars[0] == 'A' ? 'B' : 'A';
        assertThatThrownBy(() -> Cursors.decode(new String(chars), 2)).isInstanceOf(ProblemException.class);
    }

    @Test
    void aPageHasANextCursorOnlyWhenMoreRowsWereFetchedThanItHolds() {
        Page<String> last = Cursors.page(List.of("a", "b"), 2, item -> Cursors.encode(item));
        assertThat(last.items()).containsExactly("a", "b");
        assertThat(last.nextCursor()).isNull();

        Page<String> more = Cursors.page(List.of("a", "b", "c"), 2, item -> Cursors.encode(item));
        assertThat(more.items()).containsExactly("a", "b");
        assertThat(Cursors.decode(more.nextCursor(), 1)).containsExactly("b");
    }

    private static String json(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
