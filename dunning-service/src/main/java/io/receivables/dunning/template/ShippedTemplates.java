package io.receivables.dunning.template;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.qute.Engine;
import io.quarkus.qute.Template;

/**
 * The templates shipped with the service, files under {@code src/main/resources/templates/dunning/<key>/<channel>/
 * <language>/<part>} (e.g. {@code dunning/reminder-1/email/de/html.html}): every key in every channel in English,
 * German and French.
 */
@ApplicationScoped
public class ShippedTemplates {

    public static final List<String> KEYS = List.of("reminder-1", "reminder-2", "final-notice");
    public static final List<String> LANGUAGES = List.of("en", "de", "fr");
    /** What a language without a template of its own falls back to. */
    public static final String FALLBACK_LANGUAGE = "en";

    private final Engine engine;

    @Inject
    public ShippedTemplates(Engine engine) {
        this.engine = engine;
    }

    public static boolean isShipped(String key, String language) {
        return KEYS.contains(key) && LANGUAGES.contains(language);
    }

    public Optional<Template> part(String key, Channel channel, String language, TemplatePart part) {
        if (!isShipped(key, language)) {
            return Optional.empty();
        }
        return Optional.ofNullable(engine.getTemplate(
                "dunning/" + key + "/" + channel.folder() + "/" + language + "/" + part.file()));
    }
}
