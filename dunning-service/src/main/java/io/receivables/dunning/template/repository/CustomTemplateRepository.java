package io.receivables.dunning.template.repository;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.receivables.dunning.template.Channel;
import io.receivables.dunning.template.CustomTemplate;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class CustomTemplateRepository implements PanacheRepositoryBase<CustomTemplate, CustomTemplate.Key> {

    public Uni<CustomTemplate> find(String key, Channel channel, String language) {
        return findById(new CustomTemplate.Key(key, channel, language));
    }

    public Uni<CustomTemplate> lock(String key, Channel channel, String language) {
        return findById(new CustomTemplate.Key(key, channel, language), LockModeType.PESSIMISTIC_WRITE);
    }

    /**
     * Stores a first customisation unless one exists (another request's, committed or not): false then. One
     * statement, so two first customisations at once do not collide on the key.
     */
    public Uni<Boolean> insertIfAbsent(CustomTemplate row) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                "INSERT INTO dunning_template (template_key, channel, language, subject, text_part, html_part, version,"
                        + " updated_at, updated_by) VALUES (:key, :channel, :language, :subject, :text, :html,"
                        + " :version, :at, :by) ON CONFLICT (template_key, channel, language) DO NOTHING")
                .setParameter("key", row.templateKey).setParameter("channel", row.channel.name())
                .setParameter("language", row.language).setParameter("subject", row.subject)
                .setParameter("text", row.text).setParameter("html", row.html).setParameter("version", row.version)
                .setParameter("at", row.updatedAt).setParameter("by", row.updatedBy).executeUpdate())
                .map(inserted -> inserted == 1);
    }

    public Uni<List<CustomTemplate>> all() {
        return list("order by templateKey, channel, language");
    }
}
