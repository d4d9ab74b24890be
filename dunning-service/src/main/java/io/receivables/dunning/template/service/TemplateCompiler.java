package io.receivables.dunning.template.service;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.qute.Engine;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateException;
import io.quarkus.qute.Variant;
import io.receivables.common.problem.FieldError;
import io.receivables.dunning.template.BankDetails;
import io.receivables.dunning.template.MessageModel;
import io.receivables.dunning.template.SampleMessages;
import io.receivables.dunning.template.TemplatePart;

/**
 * Compiles a customised template's part and checks it: a syntax error, or a value the message's data does not have,
 * is an error naming the part ({@code parts.html}) and the line. Values are checked by rendering the part with the
 * sample ({@link SampleMessages}, which has every value and takes every {@code #if} branch that shows one) under Qute's
 * strict rendering: a name not in {@link MessageModel} fails there. A name used only in an {@code #else} branch the
 * sample does not take is not checked (docs/dunning.md#templates).
 */
@ApplicationScoped
public class TemplateCompiler {

    private final Engine engine;
    private final BankDetails bank;

    @Inject
    public TemplateCompiler(Engine engine, BankDetails bank) {
        this.engine = engine;
        this.bank = bank;
    }

    /** The compiled part, or null with the reason added to {@code errors}. */
    public Template compile(TemplatePart part, String content, List<FieldError> errors) {
        String field = "parts." + part.field();
        Template template;
        try {
            template = engine.parse(content, new Variant(Locale.ROOT, part.contentType(), "UTF-8"));
        } catch (TemplateException e) {
            errors.add(new FieldError(field, located(e)));
            return null;
        }
        MessageModel sample = SampleMessages.facts().model("en", SampleMessages.AS_OF, bank);
        try {
            template.data(sample).render();
        } catch (RuntimeException e) {
            TemplateException cause = templateException(e);
            if (cause == null) {
                throw e;
            }
            errors.add(new FieldError(field, located(cause)));
            return null;
        }
        return template;
    }

    /** Parses a stored part, which was checked when it was saved. */
    public Template parseStored(TemplatePart part, String content) {
        return engine.parse(content, new Variant(Locale.ROOT, part.contentType(), "UTF-8"));
    }

    /** Renders a compiled part with a model; rendering failures of a checked template are the service's fault. */
    public static String render(Template template, MessageModel model) {
        return template.data(model).render();
    }

    private static TemplateException templateException(Throwable failure) {
        Throwable current = failure;
        while (current != null) {
            if (current instanceof TemplateException template) {
                return template;
            }
            if (!(current instanceof CompletionException) && !(current instanceof ExecutionException)
                    && current.getCause() == current) {
                return null;
            }
            current = current.getCause();
        }
        return null;
    }

    private static String located(TemplateException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (e.getOrigin() != null && e.getOrigin().getLine() > 0) {
            return "line " + e.getOrigin().getLine() + ": " + message;
        }
        return message;
    }
}
