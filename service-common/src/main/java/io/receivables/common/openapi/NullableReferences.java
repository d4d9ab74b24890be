package io.receivables.common.openapi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;

import io.quarkus.smallrye.openapi.OpenApiFilter;

/**
 * {@code @Schema(nullable = true)} on a property of a referenced type comes out as {@code anyOf: [$ref, null]} plus a
 * stray {@code type} beside it, which contradicts the {@code anyOf} for objects ({@code type: object} forbids
 * {@code null}). A nullable reference to a plain value (a date, an instant, a UUID) is written inline as that value or
 * {@code null}, which every client generator reads; a nullable reference to an object keeps only the {@code anyOf}.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class NullableReferences implements OASFilter {

    private static final String COMPONENT_PREFIX = "#/components/schemas/";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null || openAPI.getComponents().getSchemas() == null) {
            return;
        }
        Map<String, Schema> components = openAPI.getComponents().getSchemas();
        for (Schema schema : components.values()) {
            if (schema.getProperties() != null) {
                Map<String, Schema> properties = new LinkedHashMap<>();
                schema.getProperties().forEach((name, property) -> properties.put(name, simplified(property, components)));
                schema.setProperties(properties);
            }
        }
    }

    private static Schema simplified(Schema property, Map<String, Schema> components) {
        List<Schema> anyOf = property.getAnyOf();
        if (anyOf == null || anyOf.size() != 2 || !isNull(anyOf.get(1)) || anyOf.get(0).getRef() == null
                || !anyOf.get(0).getRef().startsWith(COMPONENT_PREFIX)) {
            return property;
        }
        Schema target = components.get(anyOf.get(0).getRef().substring(COMPONENT_PREFIX.length()));
        if (target == null) {
            return property;
        }
        if (isPlainValue(target)) {
            List<SchemaType> types = new ArrayList<>(target.getType());
            types.add(SchemaType.NULL);
            return OASFactory.createSchema().type(types).format(target.getFormat()).pattern(target.getPattern())
                    .description(property.getDescription() != null ? property.getDescription() : target.getDescription());
        }
        property.setType(null);
        return property;
    }

    private static boolean isNull(Schema schema) {
        return schema.getType() != null && schema.getType().equals(List.of(SchemaType.NULL));
    }

    /** A string, number or boolean without an enumeration: nothing a client would name. */
    private static boolean isPlainValue(Schema schema) {
        return schema.getType() != null && schema.getType().size() == 1 && schema.getEnumeration() == null
                && schema.getProperties() == null && !schema.getType().contains(SchemaType.OBJECT)
                && !schema.getType().contains(SchemaType.ARRAY);
    }
}
