package io.receivables.dunning.interest.config;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;

import io.receivables.dunning.interest.RateKind;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The statutory late-payment rules per jurisdiction, and which applies to a customer's country
 * (docs/dunning.md#fees-and-statutory-interest). Configuration, not data: they change with the law, not with the
 * markets; the reference rates they name are data (the reference_rate table).
 */
@ConfigMapping(prefix = "receivables.dunning.interest")
public interface InterestConfig {

    /** The jurisdiction of a customer whose country {@link #countries()} does not name. */
    @WithDefault("EU")
    String defaultJurisdiction();

    /** By code, e.g. {@code EU}, {@code DE}. */
    Map<String, JurisdictionConfig> jurisdictions();

    /** ISO 3166-1 alpha-2 country code to jurisdiction code, for countries with rules of their own. */
    Map<String, String> countries();

    interface JurisdictionConfig {

        /** For people: the law it follows. */
        String description();

        /** The series whose rate, fixed per half-year, the margin is added to. */
        RateKind referenceRate();

        /** Percentage points over the reference rate. */
        BigDecimal marginPoints();

        /** The fixed compensation for recovery costs, charged once per invoice; absent: none. */
        Optional<BigDecimal> compensation();

        /** The currency of {@link #compensation()}; invoices in other currencies are not charged it. */
        @WithDefault("EUR")
        String compensationCurrency();
    }
}
