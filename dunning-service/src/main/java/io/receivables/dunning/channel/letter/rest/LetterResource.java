package io.receivables.dunning.channel.letter.rest;

import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.receivables.common.problem.Problem;
import io.receivables.common.problem.ProblemException;
import io.receivables.dunning.channel.letter.repository.LetterRepository;
import io.smallrye.mutiny.Uni;

@Path("/letters/{messageId}")
@Tag(name = "Delivery", description = "Dunning messages and their delivery on every channel")
public class LetterResource {

    private final LetterRepository letters;

    @Inject
    public LetterResource(LetterRepository letters) {
        this.letters = letters;
    }

    @WithSession
    @GET
    @Produces("application/pdf")
    @Operation(operationId = "getLetter", summary = "A dunning letter as PDF, for printing", description = "The PDF stored when the LETTER message was delivered: the address block from the customer's billing address, the date, and the rendered text.")
    @APIResponse(responseCode = "200", description = "The letter", content = @Content(mediaType = "application/pdf", schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "404", description = "No letter for that message (not a LETTER, or not delivered yet)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> get(@PathParam("messageId") UUID messageId) {
        return letters.findById(messageId)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("No letter for message " + messageId))
                .map(letter -> Response.ok(letter.pdf, "application/pdf")
                        .header("Content-Disposition", "attachment; filename=\"letter-" + messageId + ".pdf\"")
                        .build());
    }
}
