package io.receivables.dunning.template;

import java.util.List;

/** How a reminder reaches the customer; each channel's template has its own parts. */
public enum Channel {
    EMAIL(List.of(TemplatePart.SUBJECT, TemplatePart.TEXT, TemplatePart.HTML)),
    SMS(List.of(TemplatePart.TEXT)),
    /** Text that a later step renders to a PDF for printing. */
    LETTER(List.of(TemplatePart.TEXT)),
    /** A call script for a collector's task. */
    PHONE_TASK(List.of(TemplatePart.TEXT));

    private final List<TemplatePart> parts;

    Channel(List<TemplatePart> parts) {
        this.parts = parts;
    }

    /** The parts a template of this channel has, all required. */
    public List<TemplatePart> parts() {
        return parts;
    }

    /** The folder of its shipped files: {@code email}, {@code sms}, {@code letter}, {@code phone-task}. */
    public String folder() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
