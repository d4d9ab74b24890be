package io.receivables.dunning.template.repository;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

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

    public Uni<List<CustomTemplate>> all() {
        return list("order by templateKey, channel, language");
    }
}
