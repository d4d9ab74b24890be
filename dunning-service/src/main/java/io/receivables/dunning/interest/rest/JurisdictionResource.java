package io.receivables.dunning.interest.rest;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.receivables.dunning.interest.Jurisdiction;
import io.receivables.dunning.interest.RateKind;
import io.receivables.dunning.interest.service.Jurisdictions;

@Path("/interest/jurisdictions")
@Tag(name = "Statutory interest", description = "Reference rates, jurisdictions and quotes of late-payment charges")
@Produces(MediaType.APPLICATION_JSON)
public class JurisdictionResource {

    private final Jurisdictions jurisdictions;

    @Inject
    public JurisdictionResource(Jurisdictions jurisdictions) {
        this.jurisdictions = jurisdictions;
    }

    @Schema(name = "InterestJurisdiction")
    public record JurisdictionResponse(String code, String description, RateKind referenceRate, String marginPercent,
            @Schema(nullable = true, description = "The fixed compensation charged once per invoice; null: none") String compensation,
            @Schema(nullable = true, description = "Its currency; invoices in other currencies are not charged it") String compensationCurrency) {
    }

    public record JurisdictionList(List<JurisdictionResponse> items,
            @Schema(description = "The jurisdiction of a customer whose country has no rules of its own") String defaultJurisdiction,
            @Schema(description = "Country (ISO 3166-1 alpha-2) to jurisdiction code, for countries with rules of their own") Map<String, String> countries) {
    }

    @GET
    @Operation(operationId = "listInterestJurisdictions", summary = "Statutory interest rules", description = "The configured jurisdictions (receivables.dunning.interest.*), the default, and which countries have rules of their own.")
    @APIResponse(responseCode = "200", description = "The rules", content = @Content(schema = @Schema(implementation = JurisdictionList.class)))
    public JurisdictionList list() {
        return new JurisdictionList(jurisdictions.all().stream().map(JurisdictionResource::response).toList(),
                jurisdictions.defaultCode(), jurisdictions.countries());
    }

    private static JurisdictionResponse response(Jurisdiction j) {
        return new JurisdictionResponse(j.code(), j.description(), j.rateKind(),
                j.marginPercent().stripTrailingZeros().toPlainString(),
                j.compensation().map(c -> c.amount().toPlainString()).orElse(null),
                j.compensation().map(Jurisdiction.Compensation::currency).orElse(null));
    }
}
