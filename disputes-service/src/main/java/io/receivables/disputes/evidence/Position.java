package io.receivables.disputes.evidence;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.receivables.common.paging.Cursors;

/**
 * Where a page of a dispute's comments, attachments or timeline ends: the time and id of its last entry. Entries are
 * ordered by time, then by id as PostgreSQL orders UUIDs (byte by byte, which is also the order of their lower-case text,
 * so entries of different tables merge in the same order the database sorts each of them).
 */
public record Position(Instant at, UUID id) implements Comparable<Position> {

    public static Position decode(String cursor) {
        if (cursor == null) {
            return null;
        }
        List<String> parts = Cursors.decode(cursor, 2);
        try {
            return new Position(Instant.parse(parts.get(0)), UUID.fromString(parts.get(1)));
        } catch (RuntimeException e) {
            throw Cursors.notOurs();
        }
    }

    public String encode() {
        return Cursors.encode(at.toString(), id.toString());
    }

    /** The order of entries: by time, then by id's text. */
    @Override
    public int compareTo(Position other) {
        int byTime = at.compareTo(other.at);
        return byTime != 0 ? byTime : id.toString().compareTo(other.id.toString());
    }
}
