package io.receivables.common.openapi;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;

import io.quarkus.smallrye.openapi.OpenApiFilter;

/**
 * A response record is written whole: Jackson writes every component, {@code null} included, so a client always finds
 * every property of a successful response's schema. Each such schema therefore lists all its properties as
 * {@code required}; the ones that can be {@code null} say so themselves ({@code @Schema(nullable = true)}), and
 * {@code PublishedContractTest} holds both against what the server returns.
 * <p>
 * Left alone: a schema a request can also carry (there {@code required} means what the client must send), and a schema
 * that declares its own {@code required} list (a type written without its null fields, such as the event catalogue's
 * {@code PostalAddress}).
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class ResponsesWrittenWhole implements OASFilter {

    private static final String COMPONENT_PREFIX = "#/components/schemas/";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getComponents() == null
                || openAPI.getComponents().getSchemas() == null) {
            return;
        }
        Map<String, Schema> components = openAPI.getComponents().getSchemas();
        List<Schema> requestRoots = new ArrayList<>();
        List<Schema> responseRoots = new ArrayList<>();
        openAPI.getPaths().getPathItems().values().forEach(path -> path.getOperations().values().forEach(operation -> {
            collectRequestRoots(operation, requestRoots);
            collectSuccessRoots(operation, responseRoots);
        }));
        Set<String> requested = reachable(requestRoots, components);
        for (String name : reachable(responseRoots, components)) {
            Schema schema = components.get(name);
            if (requested.contains(name) || schema.getProperties() == null || schema.getProperties().isEmpty()
                    || (schema.getRequired() != null && !schema.getRequired().isEmpty())) {
                continue;
            }
            schema.setRequired(new ArrayList<>(schema.getProperties().keySet()));
        }
    }

    private static void collectRequestRoots(Operation operation, List<Schema> roots) {
        if (operation.getRequestBody() != null) {
            addContent(operation.getRequestBody().getContent(), roots);
        }
        if (operation.getParameters() != null) {
            operation.getParameters().forEach(p -> {
                if (p.getSchema() != null) {
                    roots.add(p.getSchema());
                }
            });
        }
    }

    private static void collectSuccessRoots(Operation operation, List<Schema> roots) {
        if (operation.getResponses() == null || operation.getResponses().getAPIResponses() == null) {
            return;
        }
        operation.getResponses().getAPIResponses().forEach((status, response) -> {
            if (status.startsWith("2")) {
                addContent(response.getContent(), roots);
            }
        });
    }

    private static void addContent(Content content, List<Schema> roots) {
        if (content != null && content.getMediaTypes() != null) {
            content.getMediaTypes().values().forEach(media -> {
                if (media.getSchema() != null) {
                    roots.add(media.getSchema());
                }
            });
        }
    }

    /** The names of the component schemas that {@code roots} refer to, directly or through other schemas. */
    private static Set<String> reachable(List<Schema> roots, Map<String, Schema> components) {
        Set<String> names = new HashSet<>();
        Deque<Schema> pending = new ArrayDeque<>(roots);
        while (!pending.isEmpty()) {
            Schema schema = pending.pop();
            String ref = schema.getRef();
            if (ref != null && ref.startsWith(COMPONENT_PREFIX)) {
                String name = ref.substring(COMPONENT_PREFIX.length());
                if (names.add(name) && components.containsKey(name)) {
                    pending.push(components.get(name));
                }
            }
            children(schema, pending::push);
        }
        return names;
    }

    private static void children(Schema schema, Consumer<Schema> sink) {
        if (schema.getProperties() != null) {
            schema.getProperties().values().forEach(sink);
        }
        if (schema.getItems() != null) {
            sink.accept(schema.getItems());
        }
        Stream.of(schema.getAllOf(), schema.getAnyOf(), schema.getOneOf()).filter(Objects::nonNull)
                .forEach(group -> group.forEach(sink));
        if (schema.getAdditionalPropertiesSchema() != null) {
            sink.accept(schema.getAdditionalPropertiesSchema());
        }
    }
}
