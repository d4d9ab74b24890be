package io.receivables.dunning.interest.rest;

import java.util.List;

/** Reference rates by kind and date; a series has two rows a year at most, so the list is whole, not paged. */
public record ReferenceRateList(List<ReferenceRateResponse> items) {
}
