package io.receivables.disputes.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.receivables.common.problem.FieldError;
import io.receivables.common.problem.ProblemException;
import io.receivables.common.problem.ProblemType;
import io.receivables.disputes.evidence.service.InspectedFile;

/** The pure rules of the conversation: file types by content, file names, text, positions. */
class EvidenceRulesTest {

    @Test
    void theTypeIsReadFromTheSignatureOnly() {
        assertThat(FileType.of(TestFiles.pdf("x"))).contains(FileType.PDF);
        assertThat(FileType.of(TestFiles.png())).contains(FileType.PNG);
        assertThat(FileType.of(TestFiles.jpeg())).contains(FileType.JPEG);
        assertThat(FileType.of(TestFiles.exe())).isEmpty();
        assertThat(FileType.of(TestFiles.html())).isEmpty();
        assertThat(FileType.of("%PDF".getBytes(StandardCharsets.US_ASCII))).as("shorter than the signature").isEmpty();
        assertThat(FileType.of(new byte[] { (byte) 0x89, 'P', 'N', 'G', '\n', '\n', 0x1A, '\n' }))
                .as("a PNG signature altered by a text-mode transfer").isEmpty();
        assertThat(FileType.of(new byte[0])).isEmpty();
    }

    @Test
    void anInspectedFileNeedsContentOfAnAcceptedTypeThatTheDeclaredTypeDoesNotContradict() {
        InspectedFile pdf = InspectedFile.of(TestFiles.pdf("x"), "application/octet-stream");
        assertThat(pdf.type()).isEqualTo(FileType.PDF);
        assertThat(pdf.sha256()).hasSize(64).isEqualTo(DisputeAttachmentsTest.sha256(TestFiles.pdf("x")));
        assertThat(InspectedFile.of(TestFiles.png(), null).type()).isEqualTo(FileType.PNG);
        assertThat(InspectedFile.of(TestFiles.jpeg(), "IMAGE/JPEG").type()).isEqualTo(FileType.JPEG);

        assertRefused(() -> InspectedFile.of(new byte[0], "application/pdf"), ProblemType.VALIDATION);
        assertRefused(() -> InspectedFile.of(null, "application/pdf"), ProblemType.VALIDATION);
        assertRefused(() -> InspectedFile.of(TestFiles.exe(), "application/pdf"), ProblemType.UNSUPPORTED_MEDIA_TYPE);
        assertRefused(() -> InspectedFile.of(TestFiles.pdf("x"), "image/png"), ProblemType.UNSUPPORTED_MEDIA_TYPE);
        assertRefused(() -> InspectedFile.of(TestFiles.png(), "text/html"), ProblemType.UNSUPPORTED_MEDIA_TYPE);
        assertRefused(() -> InspectedFile.of(TestFiles.pdfOfSize(EvidenceLimits.ATTACHMENT_MAX_BYTES + 1), null),
                ProblemType.PAYLOAD_TOO_LARGE);
        assertThat(InspectedFile.of(TestFiles.pdfOfSize(EvidenceLimits.ATTACHMENT_MAX_BYTES), null).content())
                .hasSize(EvidenceLimits.ATTACHMENT_MAX_BYTES);
    }

    @Test
    void aFileNameLosesItsPathAndGainsItsTypesExtension() {
        assertThat(safe("C:\\Users\\carla\\scan.pdf")).isEqualTo("scan.pdf");
        assertThat(safe("../../etc/passwd")).isEqualTo("passwd");
        assertThat(safe("  photo.JPEG  ")).isEqualTo("photo.JPEG");
        assertThat(FileNames.withExtension("photo.JPEG", FileType.JPEG)).isEqualTo("photo.JPEG");
        assertThat(FileNames.withExtension("photo.jpg", FileType.JPEG)).isEqualTo("photo.jpg");
        assertThat(FileNames.withExtension("page.html", FileType.PDF)).isEqualTo("page.html.pdf");
        assertThat(FileNames.withExtension("image.pdf", FileType.PNG)).isEqualTo("image.pdf.png");

        for (String bad : new String[] { "", "   ", "a\u0000b", "a\nb.pdf", "a\tb.pdf", "exe\u202Efdp.pdf", "dir/",
                "..", "x".repeat(EvidenceLimits.FILE_NAME_MAX_LENGTH + 1) }) {
            List<FieldError> errors = new ArrayList<>();
            assertThat(FileNames.safe(bad, errors)).as("name %s", bad).isNull();
            assertThat(errors).extracting(FieldError::field).as("name %s", bad).containsExactly("fileName");
        }
    }

    @Test
    void theContentDispositionNamesTheFileTwiceAndNeverBreaksOutOfItsQuotes() {
        assertThat(FileNames.contentDisposition("scan.pdf"))
                .isEqualTo("attachment; filename=\"scan.pdf\"; filename*=UTF-8''scan.pdf");
        assertThat(FileNames.contentDisposition("a\"; filename=\"evil.html\\.pdf")).isEqualTo(
                "attachment; filename=\"a_; filename=_evil.html_.pdf\"; filename*=UTF-8''a%22%3B%20filename%3D%22evil.html%5C.pdf");
        assertThat(FileNames.contentDisposition("Foto \uD83D\uDCE6.png"))
                .isEqualTo("attachment; filename=\"Foto _.png\"; filename*=UTF-8''Foto%20%F0%9F%93%A6.png");
    }

    @Test
    void commentTextKeepsLineBreaksAndRefusesOtherControlCharacters() {
        assertThat(text(" two\r\nlines\tand a tab ")).isEqualTo("two\r\nlines\tand a tab");
        assertThat(text("\uD83D\uDCE6".repeat(EvidenceLimits.COMMENT_MAX_LENGTH))).isNotNull();
        for (String bad : new String[] { null, "", " \n ", "a\u0000b", "a\u0007b", "a\u001Bb", "a\u007Fb", "a\u0085b",
                "lone \uD800 high", "lone \uDC00 low", "x".repeat(EvidenceLimits.COMMENT_MAX_LENGTH + 1) }) {
            List<FieldError> errors = new ArrayList<>();
            assertThat(EvidenceText.check("text", bad, EvidenceLimits.COMMENT_MAX_LENGTH, true, errors)).isNull();
            assertThat(errors).extracting(FieldError::field).as("text %s", bad).containsExactly("text");
        }
    }

    @Test
    void positionsOrderByTimeThenAsPostgresqlOrdersUuids() {
        Instant at = Instant.parse("2026-12-02T10:00:00.000001Z");
        // Java's UUID.compareTo compares signed longs and puts this one first; PostgreSQL compares bytes and does not
        Position high = new Position(at, UUID.fromString("f0000000-0000-0000-0000-000000000000"));
        Position low = new Position(at, UUID.fromString("10000000-0000-0000-0000-000000000000"));
        assertThat(high.id().compareTo(low.id())).isNegative();
        assertThat(low.compareTo(high)).isNegative();
        assertThat(new Position(at.minusNanos(1000), high.id()).compareTo(low)).isNegative();
        assertThat(Position.decode(high.encode())).isEqualTo(high);
        assertThatThrownBy(() -> Position.decode("bm90LW91cnM")).isInstanceOf(ProblemException.class);
    }

    private static String safe(String name) {
        List<FieldError> errors = new ArrayList<>();
        String safe = FileNames.safe(name, errors);
        assertThat(errors).isEmpty();
        return safe;
    }

    private static String text(String text) {
        List<FieldError> errors = new ArrayList<>();
        String checked = EvidenceText.check("text", text, EvidenceLimits.COMMENT_MAX_LENGTH, true, errors);
        assertThat(errors).isEmpty();
        return checked;
    }

    private static void assertRefused(Runnable inspection, ProblemType type) {
        assertThatThrownBy(inspection::run).isInstanceOfSatisfying(ProblemException.class,
                e -> assertThat(e.type()).isEqualTo(type));
    }
}
