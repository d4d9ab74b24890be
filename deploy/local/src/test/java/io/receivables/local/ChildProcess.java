package io.receivables.local;

import java.io.IOException;

/**
 * A tiny child JVM for the supervisor's tests: says it is up and runs until its standard input closes, or, with
 * {@code crash}, exits at once with status 3.
 */
public final class ChildProcess {

    private ChildProcess() {
    }

    public static void main(String[] args) throws IOException {
        System.out.println("child " + ProcessHandle.current().pid() + " up");
        if (args.length > 0 && args[0].equals("crash")) {
            System.out.println("child failing on purpose");
            System.exit(3);
        }
        while (System.in.read() != -1) {
            // runs until the parent closes the pipe
        }
    }
}
