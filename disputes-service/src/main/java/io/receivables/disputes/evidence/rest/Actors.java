package io.receivables.disputes.evidence.rest;

import io.receivables.contracts.events.Actor;

/** An actor as stored on a row (kind, id, username) for a response. */
final class Actors {

    private Actors() {
    }

    static Actor of(String kind, String id, String username) {
        Actor.Kind parsed;
        try {
            parsed = Actor.Kind.valueOf(kind);
        } catch (IllegalArgumentException e) {
            // a kind this version does not know (written by a newer one): still a person or system with an id
            parsed = id.startsWith(Actor.SYSTEM_PREFIX) ? Actor.Kind.SYSTEM : Actor.Kind.USER;
        }
        return new Actor(parsed, id, username, null);
    }
}
