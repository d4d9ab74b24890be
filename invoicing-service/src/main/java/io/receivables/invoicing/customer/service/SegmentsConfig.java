package io.receivables.invoicing.customer.service;

import java.util.List;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The customer segments a finance team works with; dunning policies are chosen per segment. */
@ConfigMapping(prefix = "receivables.invoicing.customers")
public interface SegmentsConfig {

    /** The segments a customer may be in. */
    @WithDefault("strategic,standard,high-risk")
    List<String> segments();

    /** The segment of a customer registered without one; must be one of {@link #segments()}. */
    @WithDefault("standard")
    String defaultSegment();
}
