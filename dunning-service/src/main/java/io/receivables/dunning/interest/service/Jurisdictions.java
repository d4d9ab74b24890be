package io.receivables.dunning.interest.service;

import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.receivables.dunning.interest.Jurisdiction;
import io.receivables.dunning.interest.Jurisdiction.Compensation;
import io.receivables.dunning.interest.config.InterestConfig;

/**
 * The configured jurisdictions (receivables.dunning.interest.*), checked once: a margin below zero, a default or a
 * country naming no jurisdiction stops the service from starting rather than mis-charging.
 */
@ApplicationScoped
public class Jurisdictions {

    private final Map<String, Jurisdiction> byCode = new LinkedHashMap<>();
    private final Map<String, String> countries;
    private final String defaultCode;

    @Inject
    public Jurisdictions(InterestConfig config) {
        config.jurisdictions().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(entry -> {
            InterestConfig.JurisdictionConfig rule = entry.getValue();
            if (rule.marginPoints().signum() < 0) {
                throw new IllegalStateException("receivables.dunning.interest.jurisdictions." + entry.getKey()
                        + ".margin-points must not be negative");
            }
            byCode.put(entry.getKey(), new Jurisdiction(entry.getKey(), rule.description(), rule.referenceRate(),
                    rule.marginPoints(), rule.compensation()
                            .map(amount -> new Compensation(amount, rule.compensationCurrency()))));
        });
        this.defaultCode = config.defaultJurisdiction();
        this.countries = new TreeMap<>(config.countries());
        if (!byCode.containsKey(defaultCode)) {
            throw new IllegalStateException("receivables.dunning.interest.default-jurisdiction " + defaultCode
                    + " is not a configured jurisdiction");
        }
        countries.forEach((country, code) -> {
            if (!byCode.containsKey(code)) {
                throw new IllegalStateException("receivables.dunning.interest.countries." + country + " names "
                        + code + ", not a configured jurisdiction");
            }
        });
    }

    public Optional<Jurisdiction> byCode(String code) {
        return Optional.ofNullable(byCode.get(code));
    }

    /** The jurisdiction of a customer in {@code country}: its own if configured, else the default. */
    public Jurisdiction forCountry(String country) {
        return byCode.get(countries.getOrDefault(country, defaultCode));
    }

    public Collection<Jurisdiction> all() {
        return byCode.values().stream().sorted(Comparator.comparing(Jurisdiction::code)).toList();
    }

    /** Country to jurisdiction, for the countries with rules of their own. */
    public Map<String, String> countries() {
        return Map.copyOf(countries);
    }

    public String defaultCode() {
        return defaultCode;
    }
}
