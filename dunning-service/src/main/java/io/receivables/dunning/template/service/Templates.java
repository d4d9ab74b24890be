package io.receivables.dunning.template.service;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.qute.Template;
import io.receivables.common.audit.AuditLog;
import io.receivables.common.audit.AuditSummary;
import io.receivables.common.concurrency.ExpectedVersion;
import io.receivables.common.concurrency.IfMatch;
import io.receivables.common.problem.FieldError;
import io.receivables.common.problem.ProblemException;
import io.receivables.common.problem.ProblemType;
import io.receivables.contracts.events.Actor;
import io.receivables.dunning.template.Channel;
import io.receivables.dunning.template.CustomTemplate;
import io.receivables.dunning.template.MessageModel;
import io.receivables.dunning.template.ShippedTemplates;
import io.receivables.dunning.template.TemplatePart;
import io.receivables.dunning.template.repository.CustomTemplateRepository;
import io.smallrye.mutiny.Uni;

/**
 * The template store: the shipped files, and the customised templates in the database that take precedence over them.
 * A message in a language without a template of its own is written in English. The run renders through
 * {@link #render}; policies ask {@link #availableKeys()} which keys exist for which channel.
 */
@ApplicationScoped
public class Templates {

    /** A template's parts as rendered, by part name ({@code subject}, {@code text}, {@code html}). */
    public record Rendered(String key, Channel channel, String requestedLanguage, String language, boolean customised,
            Map<String, String> parts) {
    }

    /** The source of the template in force for a key, channel and language, and whether it is customised. */
    public record Source(String key, Channel channel, String language, boolean customised, long version,
            Map<String, String> parts) {
    }

    /** What a caller saves: the part contents by part. */
    public record SaveTemplate(String key, Channel channel, String language, Map<TemplatePart, String> parts) {
    }

    /** One key of the catalogue: per channel, its languages and whether each is customised. */
    public record CatalogueEntry(String key, boolean shipped, Map<Channel, Map<String, Boolean>> channels) {
    }

    private final Map<String, Template> parsed = new ConcurrentHashMap<>();
    private final ShippedTemplates shipped;
    private final CustomTemplateRepository custom;
    private final TemplateCompiler compiler;
    private final AuditLog audit;
    private final Clock clock;

    @Inject
    public Templates(ShippedTemplates shipped, CustomTemplateRepository custom, TemplateCompiler compiler,
            AuditLog audit, Clock clock) {
        this.shipped = shipped;
        this.custom = custom;
        this.compiler = compiler;
        this.audit = audit;
        this.clock = clock;
    }

    /** The language a request or a customer names, as templates are kept: {@code de-CH} → {@code de}. */
    public static String primaryLanguage(String language) {
        return language.split("[-_]", 2)[0].toLowerCase(Locale.ROOT);
    }

    @WithSession
    public Uni<List<CatalogueEntry>> catalogue() {
        return custom.all().map(rows -> {
            Map<String, Map<Channel, Map<String, Boolean>>> byKey = new TreeMap<>();
            for (String key : ShippedTemplates.KEYS) {
                for (Channel channel : Channel.values()) {
                    for (String language : ShippedTemplates.LANGUAGES) {
                        byKey.computeIfAbsent(key, k -> new EnumMap<>(Channel.class))
                                .computeIfAbsent(channel, c -> new TreeMap<>()).put(language, false);
                    }
                }
            }
            for (CustomTemplate row : rows) {
                byKey.computeIfAbsent(row.templateKey, k -> new EnumMap<>(Channel.class))
                        .computeIfAbsent(row.channel, c -> new TreeMap<>()).put(row.language, true);
            }
            return byKey.entrySet().stream().map(entry -> new CatalogueEntry(entry.getKey(),
                    ShippedTemplates.KEYS.contains(entry.getKey()), entry.getValue())).toList();
        });
    }

    /**
     * The keys that exist per channel, as {@code key} by channel: those shipped, and those customised in the fallback
     * language (a key without an English template could not be rendered for every customer). Runs in the caller's
     * session.
     */
    public Uni<Map<Channel, Set<String>>> availableKeys() {
        return custom.list("language", ShippedTemplates.FALLBACK_LANGUAGE).map(rows -> {
            Map<Channel, Set<String>> keys = new EnumMap<>(Channel.class);
            for (Channel channel : Channel.values()) {
                keys.put(channel, new TreeSet<>(ShippedTemplates.KEYS));
            }
            rows.forEach(row -> keys.get(row.channel).add(row.templateKey));
            return keys;
        });
    }

    /** The source in force, with the fallback to English; 404 when the key has no template for the channel. */
    @WithSession
    public Uni<Source> source(String key, Channel channel, String requestedLanguage) {
        String language = primaryLanguage(requestedLanguage);
        return custom.find(key, channel, language).chain(own -> {
            if (own != null) {
                return Uni.createFrom().item(source(own));
            }
            if (ShippedTemplates.isShipped(key, language)) {
                return Uni.createFrom().item(shippedSource(key, channel, language));
            }
            return custom.find(key, channel, ShippedTemplates.FALLBACK_LANGUAGE).map(fallback -> {
                if (fallback != null) {
                    return source(fallback);
                }
                if (ShippedTemplates.isShipped(key, ShippedTemplates.FALLBACK_LANGUAGE)) {
                    return shippedSource(key, channel, ShippedTemplates.FALLBACK_LANGUAGE);
                }
                throw unknown(key, channel);
            });
        });
    }

    /**
     * Renders the template in force for the key, channel and language (falling back to English) with {@code model}.
     * Joins the caller's session, or opens one.
     */
    @WithSession
    public Uni<Rendered> render(String key, Channel channel, String requestedLanguage, MessageModel model) {
        String language = primaryLanguage(requestedLanguage);
        return custom.find(key, channel, language).chain(own -> {
            if (own != null) {
                return Uni.createFrom().item(renderCustom(own, requestedLanguage, model));
            }
            Optional<Rendered> file = renderShipped(key, channel, language, requestedLanguage, model);
            if (file.isPresent()) {
                return Uni.createFrom().item(file.get());
            }
            return custom.find(key, channel, ShippedTemplates.FALLBACK_LANGUAGE).map(fallback -> {
                if (fallback != null) {
                    return renderCustom(fallback, requestedLanguage, model);
                }
                return renderShipped(key, channel, ShippedTemplates.FALLBACK_LANGUAGE, requestedLanguage, model)
                        .orElseThrow(() -> unknown(key, channel));
            });
        });
    }

    /**
     * Compiles and checks every part, then stores the template (a new customisation, or the next version of one).
     * {@code expected} is null when the request had no If-Match: allowed only for a first customisation. Runs in the
     * caller's transaction.
     */
    public Uni<Source> save(Actor actor, SaveTemplate command, ExpectedVersion expected) {
        List<FieldError> errors = new ArrayList<>();
        for (TemplatePart part : command.channel().parts()) {
            compiler.compile(part, command.parts().get(part), errors);
        }
        if (!errors.isEmpty()) {
            return Uni.createFrom().failure(new ProblemException(ProblemType.TEMPLATE_INVALID,
                    "the template does not compile: " + errors.stream().map(e -> e.field() + " " + e.message())
                            .collect(Collectors.joining("; ")),
                    errors));
        }
        return requireFallback(command).chain(() -> custom.lock(command.key(), command.channel(), command.language()))
                .chain(existing -> {
                    if (existing == null && expected != null && !expected.any()) {
                        throw ProblemException.preconditionFailed("Template " + describe(command)
                                + " is not customised yet, so no version matches your If-Match; send none to"
                                + " customise it");
                    }
                    if (existing != null) {
                        if (expected == null) {
                            throw ProblemException.preconditionRequired("Template " + describe(command)
                                    + " is customised already: send If-Match with the ETag from GET /templates/"
                                    + command.key());
                        }
                        IfMatch.check(expected, existing.version, "Template " + describe(command));
                    }
                    CustomTemplate row = existing == null ? new CustomTemplate() : existing;
                    row.templateKey = command.key();
                    row.channel = command.channel();
                    row.language = command.language();
                    row.subject = command.parts().get(TemplatePart.SUBJECT);
                    row.text = command.parts().get(TemplatePart.TEXT);
                    row.html = command.parts().get(TemplatePart.HTML);
                    row.version = existing == null ? 1 : existing.version + 1;
                    row.updatedAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
                    row.updatedBy = actor.id();
                    Uni<Void> stored = existing != null ? custom.flush()
                            : custom.insertIfAbsent(row).map(inserted -> {
                                if (!inserted) {
                                    throw ProblemException.preconditionFailed("Template " + describe(command)
                                            + " was customised by another request just now: read it, then send"
                                            + " If-Match");
                                }
                                return null;
                            });
                    return stored.chain(() -> audit.record(actor, "customiseTemplate", "dunning-template",
                            command.key() + "/" + command.channel() + "/" + command.language(),
                            AuditSummary.of().change("version", existing == null ? null : existing.version,
                                    row.version)))
                            .map(ignored -> source(row));
                });
    }

    /**
     * Removes a customisation: the shipped file (or, for another language of a new key, the English template) is in
     * force again. The English template of a key that is not shipped stays: it is what makes the key exist, for
     * policies that may name it and for the key's other languages. Runs in the caller's transaction.
     */
    public Uni<Void> remove(Actor actor, String key, Channel channel, String language, ExpectedVersion expected) {
        return custom.lock(key, channel, language).chain(existing -> {
            if (existing == null) {
                throw ProblemException.notFound("Template " + key + " (" + channel + ", " + language
                        + ") is not customised");
            }
            IfMatch.check(expected, existing.version, "Template " + key + " (" + channel + ", " + language + ")");
            if (!ShippedTemplates.KEYS.contains(key) && language.equals(ShippedTemplates.FALLBACK_LANGUAGE)) {
                throw new ProblemException(ProblemType.CONFLICT, "template " + key + " is not shipped: its "
                        + ShippedTemplates.FALLBACK_LANGUAGE + " version for " + channel + " is what makes the key"
                        + " exist and cannot be removed; change it instead", List.of());
            }
            return custom.delete(existing).chain(() -> audit.record(actor, "removeTemplateCustomisation",
                    "dunning-template", key + "/" + channel + "/" + language,
                    AuditSummary.of().change("version", existing.version, null)));
        });
    }

    /** A key that is not shipped must have its English template first: it is what every other language falls to. */
    private Uni<Void> requireFallback(SaveTemplate command) {
        if (ShippedTemplates.KEYS.contains(command.key())
                || command.language().equals(ShippedTemplates.FALLBACK_LANGUAGE)) {
            return Uni.createFrom().voidItem();
        }
        return custom.find(command.key(), command.channel(), ShippedTemplates.FALLBACK_LANGUAGE).map(fallback -> {
            if (fallback == null) {
                throw ProblemException.invalid("language", "template " + command.key() + " has no "
                        + ShippedTemplates.FALLBACK_LANGUAGE + " version for " + command.channel()
                        + "; save that first, it is what other languages fall back to");
            }
            return null;
        });
    }

    private Rendered renderCustom(CustomTemplate row, String requestedLanguage, MessageModel model) {
        Map<String, String> parts = new LinkedHashMap<>();
        for (TemplatePart part : row.channel.parts()) {
            // a version's content never changes: parsed once per version and part
            String id = row.templateKey + "/" + row.channel + "/" + row.language + "/" + row.version + "/" + part;
            Template template = parsed.computeIfAbsent(id, ignored -> compiler.parseStored(part, row.part(part)));
            parts.put(part.field(), TemplateCompiler.render(template, model));
        }
        return new Rendered(row.templateKey, row.channel, requestedLanguage, row.language, true, parts);
    }

    private Optional<Rendered> renderShipped(String key, Channel channel, String language, String requestedLanguage,
            MessageModel model) {
        if (!ShippedTemplates.isShipped(key, language)) {
            return Optional.empty();
        }
        Map<String, String> parts = new LinkedHashMap<>();
        for (TemplatePart part : channel.parts()) {
            Template template = shipped.part(key, channel, language, part).orElseThrow(
                    () -> new IllegalStateException("shipped template missing: " + key + "/" + channel + "/"
                            + language + "/" + part.file()));
            parts.put(part.field(), TemplateCompiler.render(template, model));
        }
        return Optional.of(new Rendered(key, channel, requestedLanguage, language, false, parts));
    }

    private static Source source(CustomTemplate row) {
        Map<String, String> parts = new LinkedHashMap<>();
        row.channel.parts().forEach(part -> parts.put(part.field(), row.part(part)));
        return new Source(row.templateKey, row.channel, row.language, true, row.version, parts);
    }

    /** A shipped template's source; version 0 until customised. */
    private static Source shippedSource(String key, Channel channel, String language) {
        Map<String, String> parts = new LinkedHashMap<>();
        for (TemplatePart part : channel.parts()) {
            String path = "templates/dunning/" + key + "/" + channel.folder() + "/" + language + "/" + part.file();
            try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(path)) {
                if (in == null) {
                    throw new IllegalStateException("shipped template missing: " + path);
                }
                parts.put(part.field(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new Source(key, channel, language, false, 0, parts);
    }

    private static String describe(SaveTemplate command) {
        return command.key() + " (" + command.channel() + ", " + command.language() + ")";
    }

    private static ProblemException unknown(String key, Channel channel) {
        return ProblemException.notFound("No template " + key + " for channel " + channel);
    }
}
