package io.receivables.dunning.policy;

import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import io.receivables.dunning.template.Channel;

/** A channel a step sends on, with the template it uses there. */
@Entity
@Table(name = "dunning_policy_step_channel")
@IdClass(StepChannel.Key.class)
public class StepChannel {

    @Id
    @Column(name = "step_id")
    public UUID stepId;

    @Id
    @Enumerated(EnumType.STRING)
    public Channel channel;

    @Column(name = "template_key", nullable = false)
    public String templateKey;

    public static class Key implements Serializable {

        public UUID stepId;
        public Channel channel;

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(stepId, key.stepId) && channel == key.channel;
        }

        @Override
        public int hashCode() {
            return Objects.hash(stepId, channel);
        }
    }
}
