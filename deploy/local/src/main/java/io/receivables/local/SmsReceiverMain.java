package io.receivables.local;

import java.util.Map;

/**
 * The local SMS receiver ({@link SmsReceiver}) in a JVM of its own, supervised like every other part:
 * {@code SmsReceiverMain --port P --account-sid SID --auth-token TOKEN --log-file FILE}. Runs until its standard input
 * closes or SIGTERM.
 */
public final class SmsReceiverMain {

    private SmsReceiverMain() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = ChildMain.options(args);
        ChildMain.logTo(options);
        SmsReceiver sms = SmsReceiver.start(EmbeddedPostgresServer.HOST,
                Integer.parseInt(ChildMain.required(options, "port")),
                ChildMain.required(options, "account-sid"), ChildMain.required(options, "auth-token"));
        ChildMain.runUntilStopped(sms);
    }
}
