package io.receivables.dunning.channel.email;

import java.time.LocalDate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.receivables.dunning.delivery.DeliveryFailure;
import io.receivables.dunning.delivery.MessageIds;
import io.receivables.dunning.message.Message;
import io.smallrye.mutiny.Uni;

/**
 * Sends an EMAIL message through Quarkus Mailer to the configured SMTP relay: the rendered text and HTML as
 * alternatives, the customer's statement as a PDF attachment, Reply-To the collector the run chose, and a Message-ID
 * derived from the message's id, the same on every attempt ({@link MessageIds}).
 */
@ApplicationScoped
public class EmailSender {

    private final ReactiveMailer mailer;
    private final String from;

    @Inject
    public EmailSender(ReactiveMailer mailer, @ConfigProperty(name = "receivables.dunning.mail.from") String from) {
        this.mailer = mailer;
        this.from = from;
    }

    /** Fails with a {@link DeliveryFailure} saying whether a retry may help. */
    public Uni<Void> send(Message message, byte[] statement, LocalDate statementDate) {
        if (message.recipient == null || message.recipient.isBlank()) {
            return Uni.createFrom().failure(DeliveryFailure.permanent("no e-mail address to send to"));
        }
        Mail mail = Mail.withText(message.recipient, message.subject == null ? "" : message.subject, message.textBody)
                .setFrom(from).addHeader("Message-ID", MessageIds.of(message.id));
        if (message.htmlBody != null) {
            mail.setHtml(message.htmlBody);
        }
        if (message.replyTo != null && !message.replyTo.isBlank()) {
            mail.setReplyTo(message.replyTo);
        }
        mail.addAttachment("statement-" + statementDate + ".pdf", statement, "application/pdf");
        return Uni.createFrom().deferred(() -> mailer.send(mail)).onFailure()
                .transform(SmtpFailures::classify);
    }
}
