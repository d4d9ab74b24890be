package io.receivables.common.openapi;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import io.receivables.common.idempotency.Idempotency;

/**
 * {@code Idempotency-Key} published with the rule the server applies (service-common's {@code IdempotencyKeys}): 1 to
 * 255 printable ASCII characters, so a client can check a key before it sends one.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class IdempotencyKeyHeader implements OASFilter {

    static final int MAX_LENGTH = 255;
    static final String PRINTABLE_ASCII = "^[\\x20-\\x7E]+$";

    @Override
    public Parameter filterParameter(Parameter parameter) {
        if (parameter.getIn() == Parameter.In.HEADER && Idempotency.HEADER.equalsIgnoreCase(parameter.getName())) {
            parameter.setSchema(OASFactory.createSchema().addType(Schema.SchemaType.STRING).minLength(1)
                    .maxLength(MAX_LENGTH).pattern(PRINTABLE_ASCII));
        }
        return parameter;
    }
}
