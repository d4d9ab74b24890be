package io.receivables.dunning.template.rest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.receivables.common.concurrency.ExpectedVersion;
import io.receivables.common.concurrency.IfMatch;
import io.receivables.common.problem.FieldError;
import io.receivables.common.problem.Problem;
import io.receivables.common.problem.ProblemException;
import io.receivables.common.security.Caller;
import io.receivables.contracts.events.Actor;
import io.receivables.dunning.template.BankDetails;
import io.receivables.dunning.template.Channel;
import io.receivables.dunning.template.SampleMessages;
import io.receivables.dunning.template.TemplatePart;
import io.receivables.dunning.template.service.Templates;
import io.smallrye.mutiny.Uni;

@Path("/templates")
@Tag(name = "Dunning templates", description = "The reminders' texts per step key, channel and language")
@Produces(MediaType.APPLICATION_JSON)
public class TemplateResource {

    static final String KEY = "^[a-z0-9][a-z0-9-]{0,63}$";
    static final String LANGUAGE = "^[a-z]{2,3}$";
    static final String LANGUAGE_TAG = "^[A-Za-z]{2,3}([-_][A-Za-z0-9]{1,8}){0,3}$";
    static final int MAX_PART = 65_536;

    private final Templates templates;
    private final BankDetails bank;
    private final Caller caller;

    @Inject
    public TemplateResource(Templates templates, BankDetails bank, Caller caller) {
        this.templates = templates;
        this.bank = bank;
        this.caller = caller;
    }

    public record CatalogueResponse(List<Templates.CatalogueEntry> items) {
    }

    /** The parts of a template; which are required depends on the channel (EMAIL: all three; others: text). */
    public record Parts(
            @Schema(description = "EMAIL only: the subject line (plain text)", maxLength = MAX_PART, nullable = true) @Size(max = MAX_PART) String subject,
            @Schema(description = "The plain-text body (EMAIL), message (SMS), letter text (LETTER) or call script (PHONE_TASK)", maxLength = MAX_PART, nullable = true) @Size(max = MAX_PART) String text,
            @Schema(description = "EMAIL only: the HTML body; values are HTML-escaped", maxLength = MAX_PART, nullable = true) @Size(max = MAX_PART) String html) {
    }

    public record SaveTemplateRequest(
            @Schema(required = true) @NotNull Channel channel,
            @Schema(required = true, description = "ISO 639-1 language code, lower case, e.g. de", pattern = LANGUAGE) @NotNull @Pattern(regexp = LANGUAGE, message = "must be a lower-case ISO 639 language code such as de") String language,
            @Schema(required = true) @NotNull @Valid Parts parts) {
    }

    public record PreviewRequest(
            @Schema(required = true) @NotNull Channel channel,
            @Schema(description = "Language (BCP 47 tag; its primary language is used, falling back to en); default en", pattern = LANGUAGE_TAG, nullable = true) @Pattern(regexp = LANGUAGE_TAG, message = "must be a language tag such as de or de-CH") String language,
            @Schema(description = "The sample customer's name; default a sample name", maxLength = 200, nullable = true) @Size(min = 1, max = 200) String customerName) {
    }

    public record RenderedResponse(String key, Channel channel, String requestedLanguage,
            @Schema(description = "The language rendered: the requested one, or en when it has no template") String language,
            boolean customised,
            @Schema(description = "Rendered parts by name: subject, text, html") Map<String, String> parts) {
    }

    public record SourceResponse(String key, Channel channel, String language, boolean customised,
            @Schema(description = "0 for a shipped template; the ETag of a customised one") long version,
            Map<String, String> parts) {
    }

    @GET
    @Operation(operationId = "listTemplates", summary = "List template keys", description = "Every key with its channels and, per channel, its languages and whether each is customised (true) or the shipped file (false). Shipped: reminder-1, reminder-2, final-notice in en, de, fr for every channel.")
    @APIResponse(responseCode = "200", description = "The catalogue", content = @Content(schema = @Schema(implementation = CatalogueResponse.class)))
    public Uni<CatalogueResponse> list() {
        return templates.catalogue().map(CatalogueResponse::new);
    }

    @GET
    @Path("{key}")
    @Operation(operationId = "getTemplate", summary = "The source of the template in force", description = "For a key, channel and language (falling back to en): the customised one if any, else the shipped file. The ETag is the customised version to send in If-Match when changing it.")
    @APIResponse(responseCode = "200", description = "The source", headers = @Header(name = HttpHeaders.ETAG), content = @Content(schema = @Schema(implementation = SourceResponse.class)))
    @APIResponse(responseCode = "400", description = "A bad channel or language, named", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No template of that key for the channel", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> get(
            @Parameter(description = "The template key", schema = @Schema(pattern = KEY)) @PathParam("key") String key,
            @Parameter(required = true, description = "The channel", schema = @Schema(implementation = Channel.class)) @QueryParam("channel") String channel,
            @Parameter(description = "Language; default en", schema = @Schema(pattern = LANGUAGE_TAG)) @QueryParam("language") String language) {
        List<FieldError> errors = new ArrayList<>();
        checkKey(key, errors);
        Channel byChannel = channel(channel, errors);
        String lang = language == null ? "en" : language;
        if (!lang.matches(LANGUAGE_TAG)) {
            errors.add(new FieldError("language", "must be a language tag such as de or de-CH"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return templates.source(key, byChannel, lang).map(source -> Response.ok(new SourceResponse(source.key(),
                source.channel(), source.language(), source.customised(), source.version(), source.parts()))
                .tag(IfMatch.etag(source.version())).build());
    }

    @WithTransaction
    @PUT
    @Path("{key}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "customiseTemplate", summary = "Customise a template", description = "Stores the template for one key, channel and language, taking precedence over the shipped file. Every part the channel has is required (EMAIL: subject, text, html; SMS, LETTER, PHONE_TASK: text). Each part is compiled and rendered with the sample data on save: a syntax error or a value the message data does not have is 422 template-invalid naming the part and line. A new key (not shipped) needs its en template first. The first customisation needs no If-Match; changing a customised one needs its ETag. Audited.")
    @APIResponse(responseCode = "200", description = "Stored", headers = @Header(name = HttpHeaders.ETAG), content = @Content(schema = @Schema(implementation = SourceResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid request, naming the field", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "The customised template changed since it was read", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "A part does not compile or uses an unknown value (named with its line)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "If-Match is missing for a template already customised", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> customise(
            @Parameter(description = "The template key", schema = @Schema(pattern = KEY)) @PathParam("key") String key,
            @NotNull(message = "a JSON body is required") @Valid SaveTemplateRequest request,
            @Parameter(description = "The ETag from GET /templates/{key}; none for a first customisation") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        List<FieldError> errors = new ArrayList<>();
        checkKey(key, errors);
        Map<TemplatePart, String> parts = new EnumMap<>(TemplatePart.class);
        putPart(parts, TemplatePart.SUBJECT, request.parts().subject(), request.channel(), errors);
        putPart(parts, TemplatePart.TEXT, request.parts().text(), request.channel(), errors);
        putPart(parts, TemplatePart.HTML, request.parts().html(), request.channel(), errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        ExpectedVersion expected = ifMatch == null || ifMatch.isBlank() ? null : IfMatch.expectedVersion(ifMatch);
        Actor actor = caller.actor();
        return templates.save(actor, new Templates.SaveTemplate(key, request.channel(), request.language(), parts),
                expected).map(
                        source -> Response.ok(new SourceResponse(source.key(), source.channel(),
                                source.language(), source.customised(), source.version(), source.parts()))
                                .tag(IfMatch.etag(source.version())).build());
    }

    @WithTransaction
    @DELETE
    @Path("{key}")
    @Operation(operationId = "removeTemplateCustomisation", summary = "Remove a customisation", description = "Needs If-Match (the ETag of GET /templates/{key} for the channel and language). The shipped file is in force again; for a key that is not shipped, another language falls back to en again. The en template of a key that is not shipped cannot be removed (409): change it instead. Audited.")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "400", description = "A bad key, channel or language, named", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Not customised", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The en template of a key that is not shipped", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "The customised template changed since it was read", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "If-Match is missing", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> remove(
            @Parameter(description = "The template key", schema = @Schema(pattern = KEY)) @PathParam("key") String key,
            @Parameter(required = true, description = "The channel", schema = @Schema(implementation = Channel.class)) @QueryParam("channel") String channel,
            @Parameter(required = true, description = "The language, e.g. de", schema = @Schema(pattern = LANGUAGE)) @QueryParam("language") String language,
            @Parameter(description = "The ETag from GET /templates/{key}") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        List<FieldError> errors = new ArrayList<>();
        checkKey(key, errors);
        Channel byChannel = channel(channel, errors);
        if (language == null || !language.matches(LANGUAGE)) {
            errors.add(new FieldError("language", "required: a lower-case ISO 639 language code such as de"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        Actor actor = caller.actor();
        return IfMatch.expecting(ifMatch, expected -> templates.remove(actor, key, byChannel, language, expected))
                .map(ignored -> Response.noContent().build());
    }

    @POST
    @Path("{key}/preview")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "previewTemplate", summary = "Render a template with sample data", description = "Renders the template in force (customised, else shipped) for the channel and language, falling back to en, with sample data: two invoices, one of them part disputed, a fee, interest, a payment reference and the configured bank details. Writes nothing.")
    @APIResponse(responseCode = "200", description = "The rendered parts", content = @Content(schema = @Schema(implementation = RenderedResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid request, naming the field", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No template of that key for the channel", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<RenderedResponse> preview(
            @Parameter(description = "The template key", schema = @Schema(pattern = KEY)) @PathParam("key") String key,
            @NotNull(message = "a JSON body is required") @Valid PreviewRequest request) {
        List<FieldError> errors = new ArrayList<>();
        checkKey(key, errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        String language = request.language() == null ? "en" : request.language();
        String name = request.customerName() == null ? null : request.customerName();
        var facts = name == null ? SampleMessages.facts() : SampleMessages.facts(name);
        var model = facts.model(Templates.primaryLanguage(language), SampleMessages.AS_OF, bank);
        return templates.render(key, request.channel(), language, model).map(rendered -> new RenderedResponse(
                rendered.key(), rendered.channel(), rendered.requestedLanguage(), rendered.language(),
                rendered.customised(), rendered.parts()));
    }

    private static void putPart(Map<TemplatePart, String> parts, TemplatePart part, String content, Channel channel,
            List<FieldError> errors) {
        String field = "parts." + part.field();
        boolean expected = channel.parts().contains(part);
        if (expected && (content == null || content.isBlank())) {
            errors.add(new FieldError(field, "required for " + channel));
        } else if (!expected && content != null) {
            errors.add(new FieldError(field, channel + " templates have no " + part.field() + " part"));
        } else if (expected) {
            parts.put(part, content);
        }
    }

    private static void checkKey(String key, List<FieldError> errors) {
        if (!key.matches(KEY)) {
            errors.add(new FieldError("key", "must be 1 to 64 lower-case letters, digits and dashes, e.g. reminder-1"));
        }
    }

    private static Channel channel(String value, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldError("channel", "required: one of " + Arrays.toString(Channel.values())));
            return null;
        }
        try {
            return Channel.valueOf(value);
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError("channel", "must be one of " + Arrays.toString(Channel.values())));
            return null;
        }
    }
}
