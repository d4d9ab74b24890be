package io.receivables.dunning.promise;

/** Where a promise to pay stands. Only OPEN changes, and only once: to KEPT, BROKEN or CANCELLED. */
public enum PromiseState {
    /** Made; holds its invoices until its date plus the grace period. */
    OPEN,
    /** Payments on its invoices since it was made covered the amount. */
    KEPT,
    /** The grace period ended before payments covered it. */
    BROKEN,
    /** A collector withdrew it; its invoices are dunned again. */
    CANCELLED
}
