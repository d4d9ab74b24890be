package io.receivables.common.paging;

import java.util.List;

/**
 * One page of a listing. {@code nextCursor} is absent on the last page; otherwise pass it as {@code cursor} to get the
 * next one. Cursors are keyset positions, so a page never skips or repeats a row when rows are added meanwhile.
 */
public record Page<T>(List<T> items, String nextCursor) {

    public Page {
        items = List.copyOf(items);
    }
}
