package io.receivables.dunning.interest.service;

import java.time.LocalDate;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.receivables.common.problem.FieldError;
import io.receivables.common.problem.ProblemException;
import io.receivables.common.problem.ProblemType;
import io.receivables.dunning.interest.Jurisdiction;
import io.receivables.dunning.interest.LateChargeQuote;
import io.receivables.dunning.interest.LateChargeRequest;
import io.receivables.dunning.interest.LateCharges;
import io.receivables.dunning.interest.MissingReferenceRateException;
import io.receivables.dunning.interest.RateSchedule;
import io.receivables.dunning.interest.repository.ReferenceRateRepository;
import io.smallrye.mutiny.Uni;

/**
 * The late-payment charges of an overdue invoice under the configured rules and the recorded rates: what
 * {@code POST /interest/quotes} shows and what a dunning run charges. Reads only; joins its caller's session or
 * transaction.
 */
@ApplicationScoped
public class InterestQuotes {

    private final Jurisdictions jurisdictions;
    private final ReferenceRateRepository rates;

    @Inject
    public InterestQuotes(Jurisdictions jurisdictions, ReferenceRateRepository rates) {
        this.jurisdictions = jurisdictions;
        this.rates = rates;
    }

    /**
     * Whose rules apply: a jurisdiction by code (a customer's setting) or the customer's country (ISO 3166-1 alpha-2,
     * its own rules if configured, else the default jurisdiction). Exactly one is given.
     */
    public record JurisdictionChoice(String jurisdiction, String country) {

        public static JurisdictionChoice code(String jurisdiction) {
            return new JurisdictionChoice(jurisdiction, null);
        }

        public static JurisdictionChoice country(String country) {
            return new JurisdictionChoice(null, country);
        }
    }

    /** The jurisdiction {@code choice} names; 422 naming {@code jurisdiction} for an unknown code. */
    public Jurisdiction resolve(JurisdictionChoice choice) {
        if (choice.jurisdiction() != null) {
            return jurisdictions.byCode(choice.jurisdiction())
                    .orElseThrow(() -> ProblemException.unknownReference("jurisdiction", "no jurisdiction "
                            + choice.jurisdiction() + " is configured; known: "
                            + jurisdictions.all().stream().map(Jurisdiction::code).toList()));
        }
        return jurisdictions.forCountry(choice.country());
    }

    /**
     * The quote. 400 naming the field for inconsistent input, 422 for an unknown jurisdiction or a half-year of the
     * period without a recorded reference rate (naming dueDate or assessmentDate, whichever end lacks it).
     */
    public Uni<LateChargeQuote> quote(JurisdictionChoice choice, LateChargeRequest request) {
        Jurisdiction jurisdiction = resolve(choice);
        return rates.schedule(jurisdiction.rateKind()).map(schedule -> {
            try {
                return LateCharges.quote(request, jurisdiction, schedule);
            } catch (MissingReferenceRateException e) {
                throw missingRate(e, request.dueDate());
            }
        });
    }

    private static ProblemException missingRate(MissingReferenceRateException e, LocalDate dueDate) {
        boolean atTheStart = !e.halfYearStart().isAfter(RateSchedule.halfYearStart(dueDate.plusDays(1)));
        String field = atTheStart ? "dueDate" : "assessmentDate";
        return new ProblemException(ProblemType.UNKNOWN_REFERENCE, e.getMessage(),
                List.of(new FieldError(field, e.getMessage())));
    }
}
