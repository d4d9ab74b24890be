package io.receivables.local;

import java.util.Map;

/**
 * The local SMTP server ({@link MailServer}) in a JVM of its own, supervised like every other part:
 * {@code MailServerMain --smtp-port P --imap-port P --http-port P --log-file FILE}. Runs until its standard input
 * closes or SIGTERM.
 */
public final class MailServerMain {

    private MailServerMain() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = ChildMain.options(args);
        ChildMain.logTo(options);
        MailServer mail = MailServer.start(EmbeddedPostgresServer.HOST,
                Integer.parseInt(ChildMain.required(options, "smtp-port")),
                Integer.parseInt(ChildMain.required(options, "imap-port")),
                Integer.parseInt(ChildMain.required(options, "http-port")));
        ChildMain.runUntilStopped(mail);
    }
}
