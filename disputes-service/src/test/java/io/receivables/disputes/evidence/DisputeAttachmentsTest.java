package io.receivables.disputes.evidence;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.receivables.common.security.Roles;
import io.receivables.common.testing.BadInputContract;
import io.receivables.common.testing.TestTokens;
import io.receivables.local.testing.LocalInfraTestResource;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/** Attachments through the real endpoints, stored in PostgreSQL; the disputes come from {@link DisputeFixtures}. */
@QuarkusTest
@WithTestResource(value = LocalInfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "disputes"))
class DisputeAttachmentsTest {

    static final String PROBLEMS = "https://receivables.io/problems/";
    static final String COLLECTOR = "Bearer " + TestTokens.user("sub-carla", "carla", Roles.COLLECTOR);
    static final int TEN_MIB = 10 * 1024 * 1024;

    @Inject
    DisputeFixtures fixtures;

    @ParameterizedTest(name = "{0} declared as {1}")
    @CsvSource({ "pdf, application/pdf, delivery-note.pdf, application/pdf, delivery-note.pdf",
            "png, image/png, photo.png, image/png, photo.png",
            "jpeg, image/jpeg, damage.jpeg, image/jpeg, damage.jpeg",
            "jpeg, application/octet-stream, damage.JPG, image/jpeg, damage.JPG",
            "pdf, application/octet-stream, scan, application/pdf, scan.pdf" })
    void aRealFileIsStoredWithItsHashAndDownloadedByteForByte(String kind, String declared, String name,
            String stored, String storedName) {
        UUID dispute = fixtures.dispute(UUID.randomUUID());
        byte[] file = switch (kind) {
            case "pdf" -> TestFiles.pdf("Delivery note 4711");
            case "png" -> TestFiles.png();
            default -> TestFiles.jpeg();
        };

        JsonPath added = upload(COLLECTOR, dispute, name, "INTERNAL", declared, file).then().statusCode(201)
                .extract().jsonPath();

        assertThat(added.getString("contentType")).isEqualTo(stored);
        assertThat(added.getString("fileName")).isEqualTo(storedName);
        assertThat(added.getLong("sizeBytes")).isEqualTo(file.length);
        assertThat(added.getString("sha256")).isEqualTo(sha256(file));
        assertThat(added.getString("actor.username")).isEqualTo("carla");
        Response download = given().header("Authorization", COLLECTOR)
                .get("/disputes/{id}/attachments/{attachment}", dispute, added.getString("id"));
        download.then().statusCode(200).contentType(stored).header("X-Content-Type-Options", "nosniff")
                .header("Content-Disposition", "attachment; filename=\"" + storedName + "\"; filename*=UTF-8''"
                        + storedName);
        assertThat(download.asByteArray()).isEqualTo(file);
        assertThat(fixtures.row("SELECT sha256, size_bytes FROM dispute_attachment WHERE id = $1",
                UUID.fromString(added.getString("id"))).getString(0)).isEqualTo(sha256(file));
        assertThat(fixtures.row("SELECT summary::text FROM audit_log WHERE entity_id = $1 AND operation = $2",
                dispute.toString(), "addDisputeAttachment").getString(0)).contains(sha256(file));
    }

    @Test
    void anExecutableOrAnHtmlPageNamedPdfIsRefusedAsAnUnsupportedMediaTypeAndNothingIsStored() {
        UUID dispute = fixtures.dispute(UUID.randomUUID());
        Map<String, Long> before = counts();

        for (byte[] impostor : List.of(TestFiles.exe(), TestFiles.html())) {
            for (String declared : List.of("application/pdf", "application/octet-stream")) {
                upload(COLLECTOR, dispute, "invoice.pdf", "INTERNAL", declared, impostor).then().statusCode(415)
                        .contentType("application/problem+json")
                        .body("type", equalTo(PROBLEMS + "unsupported-media-type"))
                        .body("errors.field", hasItem("body"));
            }
        }

        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void aContentTypeTheContentDoesNotHaveIsRefused() {
        UUID dispute = fixtures.dispute(UUID.randomUUID());
        Map<String, Long> before = counts();

        upload(COLLECTOR, dispute, "photo.png", "INTERNAL", "image/png", TestFiles.pdf("not a photo")).then()
                .statusCode(415).body("type", equalTo(PROBLEMS + "unsupported-media-type"))
                .body("detail", org.hamcrest.Matchers.containsString("application/pdf"));
        upload(COLLECTOR, dispute, "page.html", "INTERNAL", "text/html", TestFiles.pdf("x")).then().statusCode(415)
                .body("type", equalTo(PROBLEMS + "unsupported-media-type"));

        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void anEmptyBodyIsRefused() {
        UUID dispute = fixtures.dispute(UUID.randomUUID());
        Map<String, Long> before = counts();

        upload(COLLECTOR, dispute, "empty.pdf", "INTERNAL", "application/pdf", new byte[0]).then().statusCode(400)
                .body("type", equalTo(PROBLEMS + "validation")).body("errors.field", hasItem("body"));

        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void tenMebibytesAreTakenAndOneByteMoreIs413WithNothingStored() throws IOException {
        UUID dispute = fixtures.dispute(UUID.randomUUID());
        byte[] largest = TestFiles.pdfOfSize(TEN_MIB);

        JsonPath added = upload(COLLECTOR, dispute, "scan.pdf", "INTERNAL", "application/pdf", largest).then()
                .statusCode(201).extract().jsonPath();
        assertThat(added.getLong("sizeBytes")).isEqualTo(TEN_MIB);
        byte[] downloaded = given().header("Authorization", COLLECTOR)
                .get("/disputes/{id}/attachments/{attachment}", dispute, added.getString("id")).then().statusCode(200)
                .extract().asByteArray();
        assertThat(sha256(downloaded)).isEqualTo(sha256(largest));

        Map<String, Long> before = counts();
        byte[] tooLarge = TestFiles.pdfOfSize(TEN_MIB + 1);
        String target = "/disputes/" + dispute + "/attachments?fileName=scan.pdf&visibility=INTERNAL";
        RawHttp.Answer declared = RawHttp.send(BadInputContract.withAdminToken("POST " + target + " HTTP/1.1\r\n"
                + "Host: localhost\r\nContent-Type: application/pdf\r\nContent-Length: " + tooLarge.length
                + "\r\n\r\n"), tooLarge);
        assertThat(declared.status()).as(declared.text()).isEqualTo(413);
        assertThat(declared.text()).contains("application/problem+json").contains(PROBLEMS + "payload-too-large");

        // without Content-Length the size is known only while reading: still 413 once the limit is passed
        byte[] chunked = chunked(tooLarge);
        RawHttp.Answer streamed = RawHttp.send(BadInputContract.withAdminToken("POST " + target + " HTTP/1.1\r\n"
                + "Host: localhost\r\nContent-Type: application/pdf\r\nTransfer-Encoding: chunked\r\n\r\n"), chunked);
        assertThat(streamed.status()).as(streamed.text()).isEqualTo(413);
        assertThat(streamed.text()).contains(PROBLEMS + "payload-too-large");

        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void aCustomerAddsAndSeesOnlyCustomerVisibleAttachmentsOfItsOwnDisputes() {
        UUID customer = UUID.randomUUID();
        UUID dispute = fixtures.dispute(customer);
        String portal = "Bearer " + TestTokens.customer(customer);
        String internal = upload(COLLECTOR, dispute, "margin-calculation.pdf", "INTERNAL", "application/pdf",
                TestFiles.pdf("internal")).then().statusCode(201).extract().jsonPath().getString("id");
        upload(COLLECTOR, dispute, "price-list.pdf", "CUSTOMER", "application/pdf", TestFiles.pdf("price list"))
                .then().statusCode(201);

        JsonPath own = upload(portal, dispute, "broken-pallet.jpg", "CUSTOMER", "image/jpeg", TestFiles.jpeg()).then()
                .statusCode(201).extract().jsonPath();
        assertThat(own.getString("author")).isEqualTo("CUSTOMER");
        Map<String, Long> before = counts();
        upload(portal, dispute, "x.png", "INTERNAL", "image/png", TestFiles.png()).then().statusCode(403)
                .body("type", equalTo(PROBLEMS + "forbidden")).body("errors.field", hasItem("visibility"));
        assertThat(counts()).isEqualTo(before);

        JsonPath listed = given().header("Authorization", portal).get("/disputes/{id}/attachments", dispute).then()
                .statusCode(200).extract().jsonPath();
        assertThat(listed.getList("items.fileName", String.class)).containsExactly("price-list.pdf",
                "broken-pallet.jpg");
        assertThat((Object) listed.get("items[0].actor")).isNull();
        given().header("Authorization", portal).get("/disputes/{id}/attachments/{attachment}", dispute, internal)
                .then().statusCode(404).body("type", equalTo(PROBLEMS + "not-found"));
        given().header("Authorization", portal)
                .get("/disputes/{id}/attachments/{attachment}", dispute, own.getString("id")).then().statusCode(200)
                .contentType("image/jpeg");
        assertThat(given().header("Authorization", COLLECTOR).get("/disputes/{id}/attachments", dispute).then()
                .statusCode(200).extract().jsonPath().getList("items")).hasSize(3);

        String stranger = "Bearer " + TestTokens.customer(UUID.randomUUID());
        given().header("Authorization", stranger).get("/disputes/{id}/attachments", dispute).then().statusCode(404)
                .body("type", equalTo(PROBLEMS + "not-found"));
        given().header("Authorization", stranger)
                .get("/disputes/{id}/attachments/{attachment}", dispute, own.getString("id")).then().statusCode(404)
                .body("type", equalTo(PROBLEMS + "not-found"));
        upload(stranger, dispute, "x.png", "CUSTOMER", "image/png", TestFiles.png()).then().statusCode(404)
                .body("type", equalTo(PROBLEMS + "not-found"));
    }

    @Test
    void anAttachmentIsFoundOnlyUnderItsOwnDispute() {
        UUID dispute = fixtures.dispute(UUID.randomUUID());
        UUID other = fixtures.dispute(UUID.randomUUID());
        String id = upload(COLLECTOR, dispute, "a.png", "INTERNAL", "image/png", TestFiles.png()).then()
                .statusCode(201).extract().jsonPath().getString("id");

        given().get("/disputes/{id}/attachments/{attachment}", other, id).then().statusCode(404)
                .body("type", equalTo(PROBLEMS + "not-found"));
        given().get("/disputes/{id}/attachments/{attachment}", UUID.randomUUID(), id).then().statusCode(404)
                .body("type", equalTo(PROBLEMS + "not-found"));
        upload(COLLECTOR, UUID.randomUUID(), "a.png", "INTERNAL", "image/png", TestFiles.png()).then().statusCode(404)
                .body("type", equalTo(PROBLEMS + "not-found"));
    }

    @Test
    void aNameIsStoredWithoutItsPathWithTheTypesExtensionAndSentBackSafely() {
        UUID dispute = fixtures.dispute(UUID.randomUUID());

        String fromWindows = upload(COLLECTOR, dispute, "C:\\Users\\carla\\Desktop\\page.html", "INTERNAL",
                "application/pdf", TestFiles.pdf("x")).then().statusCode(201).extract().jsonPath()
                .getString("fileName");
        assertThat(fromWindows).isEqualTo("page.html.pdf");

        JsonPath quoted = upload(COLLECTOR, dispute, "Lieferschein \"März\".pdf", "INTERNAL", "application/pdf",
                TestFiles.pdf("y")).then().statusCode(201).extract().jsonPath();
        given().get("/disputes/{id}/attachments/{attachment}", dispute, quoted.getString("id")).then()
                .statusCode(200).header("Content-Disposition", "attachment; filename=\"Lieferschein _M_rz_.pdf\";"
                        + " filename*=UTF-8''Lieferschein%20%22M%C3%A4rz%22.pdf");

        upload(COLLECTOR, dispute, "exe\u202Efdp.pdf", "INTERNAL", "application/pdf", TestFiles.pdf("z")).then()
                .statusCode(400).body("errors.field", hasItem("fileName"));
        upload(COLLECTOR, dispute, "C:\\temp\\", "INTERNAL", "application/pdf", TestFiles.pdf("z")).then()
                .statusCode(400).body("errors.field", hasItem("fileName"));
    }

    @Test
    void aRetriedUploadWithTheSameIdempotencyKeyIsStoredOnce() {
        UUID dispute = fixtures.dispute(UUID.randomUUID());
        String key = UUID.randomUUID().toString();
        byte[] file = TestFiles.png();

        String first = upload(COLLECTOR, dispute, "a.png", "INTERNAL", "image/png", file, key).then().statusCode(201)
                .extract().asString();
        String retry = upload(COLLECTOR, dispute, "a.png", "INTERNAL", "image/png", file, key).then().statusCode(201)
                .extract().asString();

        assertThat(retry).isEqualTo(first);
        assertThat(fixtures.count("dispute_attachment", "dispute_id = $1", dispute)).isEqualTo(1);
        upload(COLLECTOR, dispute, "a.png", "INTERNAL", "image/jpeg", TestFiles.jpeg(), key).then().statusCode(422)
                .body("type", equalTo(PROBLEMS + "idempotency-key-reused"));
        assertThat(fixtures.count("dispute_attachment", "dispute_id = $1", dispute)).isEqualTo(1);
    }

    private Map<String, Long> counts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : List.of("dispute_attachment", "dispute_attachment_content", "audit_log",
                "idempotency_key")) {
            counts.put(table, fixtures.count(table));
        }
        return counts;
    }

    private static Response upload(String authorization, UUID dispute, String name, String visibility,
            String contentType, byte[] file) {
        return upload(authorization, dispute, name, visibility, contentType, file, null);
    }

    private static Response upload(String authorization, UUID dispute, String name, String visibility,
            String contentType, byte[] file, String idempotencyKey) {
        var request = given().header("Authorization", authorization).contentType(contentType).body(file)
                .queryParam("fileName", name).queryParam("visibility", visibility);
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return request.post("/disputes/{id}/attachments", dispute);
    }

    private static byte[] chunked(byte[] body) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        int chunk = 1024 * 1024;
        for (int offset = 0; offset < body.length; offset += chunk) {
            int length = Math.min(chunk, body.length - offset);
            out.writeBytes((Integer.toHexString(length) + "\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            out.write(body, offset, length);
            out.writeBytes("\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        }
        out.writeBytes("0\r\n\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
