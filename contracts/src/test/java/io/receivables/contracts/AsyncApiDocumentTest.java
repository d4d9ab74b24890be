package io.receivables.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import io.receivables.contracts.events.EventType;
import io.receivables.contracts.events.Publisher;

/** asyncapi.yaml agrees with the Java catalogue: every event type, topic, header and schema file is described. */
class AsyncApiDocumentTest {

    private static final URI DOCUMENT = URI.create("classpath:/asyncapi.yaml");

    private static JsonNode asyncApi;

    @BeforeAll
    static void parseDocument() throws IOException {
        try (InputStream in = AsyncApiDocumentTest.class.getResourceAsStream("/asyncapi.yaml")) {
            assertThat(in).as("asyncapi.yaml on the class path").isNotNull();
            asyncApi = new ObjectMapper(new YAMLFactory()).readTree(in);
        }
    }

    @Test
    void documentIsAsyncApi3() {
        assertThat(asyncApi.path("asyncapi").asText()).isEqualTo("3.0.0");
        assertThat(asyncApi.path("defaultContentType").asText()).isEqualTo(CloudEventHeaders.APPLICATION_JSON);
    }

    @Test
    void everyTopicIsAChannelAndAllHaveTheSamePartitionCount() {
        List<JsonNode> channels = values(asyncApi.path("channels"));

        assertThat(channels).extracting(channel -> channel.path("address").asText())
                .containsExactlyInAnyOrderElementsOf(Topics.ALL);
        assertThat(channels).allSatisfy(channel -> {
            assertThat(channel.at("/bindings/kafka/topic").asText()).isEqualTo(channel.path("address").asText());
            assertThat(channel.at("/bindings/kafka/partitions").asInt()).isEqualTo(Topics.PARTITION_COUNT);
        });
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void everyEventTypeIsAMessageOfItsTopicsChannel(EventType type) {
        String channelKey = channelKeyOf(type.topic());
        String messageKey = messageKeyOf(type);

        assertThat(asyncApi.at("/channels/" + channelKey + "/messages/" + messageKey + "/$ref").asText())
                .isEqualTo("#/components/messages/" + messageKey);
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void everyMessagePayloadIsTheEventTypesSchemaFile(EventType type) {
        JsonNode payload = message(type).path("payload");
        String schemaRef = payload.at("/schema/$ref").asText();
        String resolved = DOCUMENT.resolve(schemaRef).getPath().substring(1);

        assertThat(payload.path("schemaFormat").asText()).isEqualTo("application/schema+json;version=draft-2020-12");
        assertThat(resolved).isEqualTo(type.schemaResource());
        assertThat(TestResources.exists(resolved)).as("%s exists", resolved).isTrue();
        assertThat(TestResources.json(resolved).path("$id").asText()).isEqualTo(type.schemaId());
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void everyMessageIsKeyedByTheCustomerId(EventType type) {
        JsonNode key = resolve(message(type).at("/bindings/kafka/key"));

        assertThat(key.path("type").asText()).isEqualTo("string");
        assertThat(key.path("format").asText()).isEqualTo("uuid");
        assertThat(key.path("description").asText()).contains("customer id");
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void everyMessageCarriesTheCloudEventsHeadersWithItsOwnTypeSourceAndSchema(EventType type) {
        JsonNode allOf = message(type).at("/headers/allOf");
        JsonNode common = resolve(allOf.get(0));
        JsonNode own = allOf.get(1).path("properties");

        assertThat(fieldNames(common.path("properties"))).containsExactlyElementsOf(CloudEventHeaders.ALL);
        assertThat(own.at("/ce_type/const").asText()).isEqualTo(type.type());
        assertThat(own.at("/ce_source/const").asText()).isEqualTo(type.source());
        assertThat(own.at("/ce_dataschema/const").asText()).isEqualTo(type.schemaId());
    }

    @Test
    void cloudEventsHeaderValuesMatchTheJavaConstants() {
        JsonNode headers = asyncApi.at("/components/schemas/CloudEventHeaders");

        assertThat(headers.at("/properties/ce_specversion/const").asText()).isEqualTo(CloudEventHeaders.SPEC_VERSION_1_0);
        assertThat(headers.at("/properties/content-type/const").asText()).isEqualTo(CloudEventHeaders.APPLICATION_JSON);
        assertThat(headers.at("/properties/ce_source/enum")).extracting(JsonNode::asText)
                .containsExactlyElementsOf(Arrays.stream(Publisher.values()).map(Publisher::source).toList());
    }

    @Test
    void everyMessageIsAnEventType() {
        assertThat(values(asyncApi.at("/components/messages"))).extracting(message -> message.path("name").asText())
                .containsExactlyInAnyOrderElementsOf(Arrays.stream(EventType.values()).map(EventType::type).toList());
    }

    @ParameterizedTest
    @EnumSource(Publisher.class)
    void eachPublisherSendsEveryEventTypeOfItsTopicAndNothingElse(Publisher publisher) {
        List<JsonNode> sends = operations("send", publisher.topic());
        List<String> expected = Arrays.stream(EventType.values()).filter(type -> type.publisher() == publisher)
                .map(type -> "#/channels/" + channelKeyOf(publisher.topic()) + "/messages/" + messageKeyOf(type))
                .toList();

        assertThat(sends).hasSize(1);
        assertThat(sends.get(0).path("title").asText()).startsWith(publisher.serviceName());
        assertThat(sends.get(0).path("messages")).extracting(ref -> ref.path("$ref").asText())
                .containsExactlyInAnyOrderElementsOf(expected);
        assertThat(operations("send", null)).hasSize(Publisher.values().length);
    }

    @Test
    void analyticsConsumesEveryTopic() {
        List<String> consumed = values(asyncApi.path("operations")).stream()
                .filter(operation -> operation.path("action").asText().equals("receive"))
                .filter(operation -> operation.at("/bindings/kafka/groupId/const").asText().startsWith("analytics."))
                .map(operation -> resolve(operation.path("channel")).path("address").asText())
                .toList();

        assertThat(consumed).containsExactlyInAnyOrderElementsOf(Topics.ALL);
    }

    @Test
    void everyOperationListsOnlyMessagesOfItsOwnChannel() {
        for (Map.Entry<String, JsonNode> operation : asyncApi.path("operations").properties()) {
            String channelRef = operation.getValue().at("/channel/$ref").asText();
            assertThat(operation.getValue().path("messages")).as(operation.getKey())
                    .allSatisfy(ref -> assertThat(ref.path("$ref").asText()).startsWith(channelRef + "/messages/"));
        }
    }

    @Test
    void everyReferenceResolves() {
        List<String> unresolved = new ArrayList<>();
        collectUnresolvedRefs(asyncApi, unresolved);

        assertThat(unresolved).isEmpty();
    }

    private static JsonNode message(EventType type) {
        JsonNode message = asyncApi.at("/components/messages/" + messageKeyOf(type));
        assertThat(message.path("name").asText()).as("message %s", messageKeyOf(type)).isEqualTo(type.type());
        return message;
    }

    /** All send or receive operations, on the channel of {@code topic} or on any channel when it is null. */
    private static List<JsonNode> operations(String action, String topic) {
        return values(asyncApi.path("operations")).stream()
                .filter(operation -> operation.path("action").asText().equals(action))
                .filter(operation -> topic == null
                        || resolve(operation.path("channel")).path("address").asText().equals(topic))
                .toList();
    }

    private static String channelKeyOf(String topic) {
        return asyncApi.path("channels").properties().stream()
                .filter(channel -> channel.getValue().path("address").asText().equals(topic))
                .map(Map.Entry::getKey)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no channel has address " + topic));
    }

    /** customer-registered is described as components/messages/customerRegistered. */
    private static String messageKeyOf(EventType type) {
        String[] words = type.type().split("-");
        StringBuilder key = new StringBuilder(words[0]);
        for (int i = 1; i < words.length; i++) {
            key.append(Character.toUpperCase(words[i].charAt(0))).append(words[i].substring(1));
        }
        return key.toString();
    }

    private static JsonNode resolve(JsonNode node) {
        String ref = node.path("$ref").asText();
        return ref.startsWith("#/") ? asyncApi.at(JsonPointer.compile(ref.substring(1))) : node;
    }

    private static void collectUnresolvedRefs(JsonNode node, List<String> unresolved) {
        if (node.isObject() && node.has("$ref")) {
            String ref = node.path("$ref").asText();
            boolean resolves = ref.startsWith("#/")
                    ? !asyncApi.at(JsonPointer.compile(ref.substring(1))).isMissingNode()
                    : TestResources.exists(DOCUMENT.resolve(ref).getPath().substring(1));
            if (!resolves) {
                unresolved.add(ref);
            }
        }
        node.forEach(child -> collectUnresolvedRefs(child, unresolved));
    }

    private static List<JsonNode> values(JsonNode object) {
        return StreamSupport.stream(object.spliterator(), false).toList();
    }

    private static List<String> fieldNames(JsonNode object) {
        return object.properties().stream().map(Map.Entry::getKey).toList();
    }
}
