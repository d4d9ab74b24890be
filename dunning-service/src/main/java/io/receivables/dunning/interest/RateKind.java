package io.receivables.dunning.interest;

/**
 * A series of reference rates in the {@code reference_rate} table. A half-yearly kind has one row per half-year, dated
 * 1 January or 1 July, and a half-year without its row has no rate; a kind of change points has a row on each day the
 * rate changed, and the rate in force on a day is that of the latest row on or before it.
 */
public enum RateKind {

    /**
     * The ECB's main refinancing operations rate, at each change. Directive 2011/7/EU's reference rate is the one in
     * force on the first calendar day of the half-year.
     */
    ECB_MRO(false),

    /** The German Basiszinssatz (par. 247 BGB), set by the Bundesbank for each half-year. */
    DE_BASISZINSSATZ(true);

    private final boolean halfYearly;

    RateKind(boolean halfYearly) {
        this.halfYearly = halfYearly;
    }

    public boolean halfYearly() {
        return halfYearly;
    }
}
