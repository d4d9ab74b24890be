package io.receivables.common.openapi;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

import io.quarkus.smallrye.openapi.OpenApiFilter;

/**
 * Optimistic concurrency as a client must see it (service-common's {@code IfMatch}): every {@code ETag} a response
 * carries is a typed header, and an operation that answers 428 without {@code If-Match} declares the header required,
 * so a generated client cannot call it without one.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class ConditionalRequests implements OASFilter {

    static final String ETAG = "ETag";
    static final String IF_MATCH = "If-Match";

    @Override
    public Operation filterOperation(Operation operation) {
        if (operation.getResponses() != null && operation.getResponses().getAPIResponses() != null) {
            operation.getResponses().getAPIResponses().values().forEach(ConditionalRequests::typeEtag);
        }
        boolean requiresIfMatch = operation.getResponses() != null && operation.getResponses().hasAPIResponse("428");
        if (operation.getParameters() != null) {
            for (Parameter parameter : operation.getParameters()) {
                if (IF_MATCH.equalsIgnoreCase(parameter.getName()) && parameter.getIn() == Parameter.In.HEADER) {
                    parameter.setRequired(requiresIfMatch);
                    parameter.setSchema(OASFactory.createSchema().addType(Schema.SchemaType.STRING));
                    if (parameter.getDescription() == null) {
                        parameter.setDescription("The ETag of the version read, e.g. \"3\"");
                    }
                }
            }
        }
        return operation;
    }

    private static void typeEtag(APIResponse response) {
        if (response.getHeaders() == null) {
            return;
        }
        Header etag = response.getHeaders().get(ETAG);
        if (etag != null && etag.getRef() == null) {
            etag.setSchema(OASFactory.createSchema().addType(Schema.SchemaType.STRING).pattern("^\"[0-9]+\"$"));
            if (etag.getDescription() == null) {
                etag.setDescription("The version of the resource, e.g. \"3\": send it as If-Match to change it");
            }
        }
    }
}
