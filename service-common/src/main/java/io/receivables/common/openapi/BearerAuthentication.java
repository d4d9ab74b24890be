package io.receivables.common.openapi;

import java.util.List;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import io.receivables.common.problem.Problem;
import io.receivables.common.security.RoleMatrix;

/**
 * Every operation in the document needs a bearer token (security/OperationAuthorization): the document declares the
 * scheme, requires it on each operation, and declares the 401 and 403 the filter answers. Health, metrics and the
 * document itself are not operations of the document.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class BearerAuthentication implements OASFilter {

    public static final String SCHEME = "bearer";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null
                || openAPI.getPaths().getPathItems().isEmpty()) {
            return;
        }
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        openAPI.getComponents().addSecurityScheme(SCHEME, OASFactory.createSecurityScheme()
                .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")
                .description("An OAuth2 / OIDC access token from the organisation's identity provider (locally: the"
                        + " Keycloak that ./run-local starts; see docs/security.md). Its realm roles decide which"
                        + " operations it may call."));
        openAPI.getPaths().getPathItems().values().forEach(path -> path.getOperations().values()
                .forEach(BearerAuthentication::secure));
    }

    private static void secure(Operation operation) {
        if (operation.getExtensions() != null && operation.getExtensions().containsKey(RoleMatrix.PUBLIC_EXTENSION)) {
            // a signed webhook (role matrix value public-signed): no bearer token, its signature is checked instead
            operation.setSecurity(List.of());
            return;
        }
        operation.setSecurity(List.of(OASFactory.createSecurityRequirement().addScheme(SCHEME)));
        APIResponses responses = operation.getResponses();
        declare(responses, "401", "No bearer token, or one that is expired, from another issuer or badly signed");
        declare(responses, "403", "The token's roles do not allow this operation");
    }

    private static void declare(APIResponses responses, String status, String description) {
        if (responses.hasAPIResponse(status)) {
            return;
        }
        responses.addAPIResponse(status, OASFactory.createAPIResponse().description(description)
                .content(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE, OASFactory.createMediaType()
                        .schema(OASFactory.createSchema().ref(ImpliedProblemResponses.PROBLEM_REF)))));
    }
}
