package io.receivables.dunning.interest.rest;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.receivables.common.money.DecimalStrings;
import io.receivables.common.problem.FieldError;
import io.receivables.common.problem.Problem;
import io.receivables.common.problem.ProblemException;
import io.receivables.dunning.interest.BalanceChange;
import io.receivables.dunning.interest.LateChargeRequest;
import io.receivables.dunning.interest.service.InterestQuotes;
import io.receivables.dunning.interest.service.InterestQuotes.JurisdictionChoice;
import io.smallrye.mutiny.Uni;

@Path("/interest/quotes")
@Tag(name = "Statutory interest", description = "Reference rates, jurisdictions and quotes of late-payment charges")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class InterestQuoteResource {

    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    private final InterestQuotes quotes;

    @Inject
    public InterestQuoteResource(InterestQuotes quotes) {
        this.quotes = quotes;
    }

    @WithSession
    @POST
    @Operation(operationId = "quoteLateCharges", summary = "Quote an overdue invoice's late-payment charges", description = "Statutory interest (simple, per day from the day after dueDate to assessmentDate included, actual/365, on the overdue amount of each day, at the reference rate fixed for each half-year plus the jurisdiction's margin), the step fee and the fixed compensation (once per invoice), with each sub-period's days, rate, base and interest. Writes nothing.")
    @APIResponse(responseCode = "200", description = "The quote", content = @Content(schema = @Schema(implementation = QuoteResponse.class)))
    @APIResponse(responseCode = "422", description = "Unknown jurisdiction, or a half-year of the period has no recorded reference rate", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<QuoteResponse> quote(@NotNull(message = "a JSON body is required") @Valid QuoteRequest request) {
        List<FieldError> errors = new ArrayList<>();
        if ((request.jurisdiction() == null) == (request.country() == null)) {
            errors.add(new FieldError("jurisdiction", "give either jurisdiction or country, not "
                    + (request.jurisdiction() == null ? "neither" : "both")));
        }
        if (request.country() != null && !COUNTRIES.contains(request.country())) {
            errors.add(new FieldError("country", "is not an ISO 3166-1 alpha-2 country code"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        JurisdictionChoice choice = new JurisdictionChoice(request.jurisdiction(), request.country());
        LateChargeRequest command = new LateChargeRequest(request.currency(), request.dueDate(),
                request.assessmentDate(),
                request.balances().stream()
                        .map(b -> new BalanceChange(b.from(), DecimalStrings.parse(b.amount()))).toList(),
                request.stepFee() == null ? null : DecimalStrings.parse(request.stepFee()),
                Boolean.TRUE.equals(request.compensationAlreadyCharged()), Boolean.TRUE.equals(request.feeInvoice()));
        return quotes.quote(choice, command).map(QuoteResponse::of);
    }

}
