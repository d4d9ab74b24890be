package io.receivables.dunning.template;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** A template customised through the API; it takes precedence over the shipped file of its key, channel, language. */
@Entity
@Table(name = "dunning_template")
@IdClass(CustomTemplate.Key.class)
public class CustomTemplate {

    @Id
    @Column(name = "template_key")
    public String templateKey;

    @Id
    @Enumerated(EnumType.STRING)
    public Channel channel;

    @Id
    public String language;

    /** EMAIL only. */
    public String subject;

    @Column(name = "text_part", nullable = false)
    public String text;

    /** EMAIL only. */
    @Column(name = "html_part")
    public String html;

    /** 1 when first customised, one more on each change: the ETag. */
    @Column(nullable = false)
    public long version;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "updated_by", nullable = false)
    public String updatedBy;

    public String part(TemplatePart part) {
        return switch (part) {
            case SUBJECT -> subject;
            case TEXT -> text;
            case HTML -> html;
        };
    }

    public static class Key implements Serializable {

        public String templateKey;
        public Channel channel;
        public String language;

        public Key() {
        }

        public Key(String templateKey, Channel channel, String language) {
            this.templateKey = templateKey;
            this.channel = channel;
            this.language = language;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(templateKey, key.templateKey)
                    && channel == key.channel && Objects.equals(language, key.language);
        }

        @Override
        public int hashCode() {
            return Objects.hash(templateKey, channel, language);
        }
    }
}
