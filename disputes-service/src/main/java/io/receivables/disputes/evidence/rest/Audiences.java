package io.receivables.disputes.evidence.rest;

import io.receivables.common.security.Caller;
import io.receivables.disputes.evidence.Audience;

/** The caller's audience, read at the edge like its actor. */
final class Audiences {

    private Audiences() {
    }

    static Audience of(Caller caller) {
        return caller.customerScope().map(Audience::customer).orElseGet(Audience::staff);
    }
}
