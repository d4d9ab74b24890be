package io.receivables.common.openapi;

import java.util.List;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import io.receivables.common.idempotency.Idempotency;
import io.receivables.common.problem.Problem;

/**
 * Statuses that service-common itself answers, declared on every operation that can reach them so that no resource has
 * to remember them: a query parameter or a body can be invalid (400); {@code Idempotency-Key} can be malformed (400) or
 * reused for another request (422); {@code If-Match} can be malformed (400) or stale (412). At the HTTP edge
 * (HttpEdgeGuard, ProblemMappers): any request's URI can be too long (414); a body can be too large (413) or of a media
 * type the operation does not take (415). A resource's own declaration, with its more specific description, always
 * wins.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class ImpliedProblemResponses implements OASFilter {

    static final String PROBLEM = "Problem";
    static final String PROBLEM_REF = "#/components/schemas/" + PROBLEM;

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        requireWhatEveryProblemHas(openAPI);
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().values().forEach(path -> path.getOperations().values().forEach(
                ImpliedProblemResponses::declareImplied));
    }

    /**
     * A problem always has its type, title and status ({@code Problem} omits only empty fields). Declared here rather
     * than with {@code @Schema} on the record, which would publish the schema in a document that uses none.
     */
    private static void requireWhatEveryProblemHas(OpenAPI openAPI) {
        if (openAPI.getComponents() == null || openAPI.getComponents().getSchemas() == null) {
            return;
        }
        Schema problem = openAPI.getComponents().getSchemas().get(PROBLEM);
        if (problem != null && (problem.getRequired() == null || problem.getRequired().isEmpty())) {
            problem.setRequired(List.of("type", "title", "status"));
        }
    }

    private static void declareImplied(Operation operation) {
        List<Parameter> parameters = operation.getParameters() == null ? List.of() : operation.getParameters();
        APIResponses responses = operation.getResponses();
        boolean queried = parameters.stream().anyMatch(p -> p.getIn() == Parameter.In.QUERY);
        if (queried || operation.getRequestBody() != null) {
            declare(responses, "400", "Invalid request: the problem's errors name each rejected field");
        }
        if (operation.getRequestBody() != null) {
            declare(responses, "413", "The body is larger than the service accepts (see docs/api-limits.md)");
            declare(responses, "415", "The body's Content-Type is not one this operation takes");
        }
        declare(responses, "414", "The request URI is longer than the service accepts (see docs/api-limits.md)");
        if (has(parameters, Idempotency.HEADER)) {
            declare(responses, "400", "Invalid request or Idempotency-Key");
            declare(responses, "422", "Idempotency-Key already used for a different request");
        }
        if (has(parameters, ConditionalRequests.IF_MATCH)) {
            declare(responses, "400", "If-Match is not an ETag this API returned");
            declare(responses, "412", "The resource changed since it was read: read it again");
        }
    }

    private static boolean has(List<Parameter> parameters, String header) {
        return parameters.stream()
                .anyMatch(p -> p.getIn() == Parameter.In.HEADER && header.equalsIgnoreCase(p.getName()));
    }

    private static void declare(APIResponses responses, String status, String description) {
        if (responses.hasAPIResponse(status)) {
            return;
        }
        responses.addAPIResponse(status, OASFactory.createAPIResponse().description(description)
                .content(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE, OASFactory.createMediaType()
                        .schema(OASFactory.createSchema().ref(PROBLEM_REF)))));
    }
}
