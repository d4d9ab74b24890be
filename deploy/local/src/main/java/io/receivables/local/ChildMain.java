package io.receivables.local;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * What the main classes of the parts that run as their own JVM ({@link KafkaBrokerMain}, {@link KafkaConnectMain})
 * share: {@code --name value} arguments, logging to one file, and running until standard input closes (so that the
 * part never outlives the launcher, even one killed with SIGKILL) or SIGTERM.
 */
final class ChildMain {

    private ChildMain() {
    }

    static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("not an option: " + args[i]);
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        return options;
    }

    static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null) {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return value;
    }

    static void logTo(Map<String, String> options) {
        LoggingSetup.toFile(Path.of(required(options, "log-file")));
    }

    /** Runs {@code part} until stdin closes or the JVM is asked to stop, then closes it. */
    static void runUntilStopped(AutoCloseable part) throws InterruptedException {
        CountDownLatch stop = new CountDownLatch(1);
        Thread closer = new Thread(() -> {
            try {
                part.close();
            } catch (Exception e) {
                e.printStackTrace();
            }
        }, "close-on-exit");
        Runtime.getRuntime().addShutdownHook(closer);
        countDownAtEndOfStdin(stop);
        System.out.println("ready");
        stop.await();
        // the shutdown hook closes the part
        System.exit(0);
    }

    /**
     * Counts {@code stop} down once stdin ends: the parent that started this JVM closed it, or died. A child that waits
     * for this never outlives its parent.
     */
    static void countDownAtEndOfStdin(CountDownLatch stop) {
        Thread watcher = new Thread(() -> {
            try (InputStream in = System.in) {
                while (in.read() != -1) {
                    // anything but end-of-stream is ignored
                }
            } catch (IOException e) {
                // a broken pipe is as good as end-of-stream
            }
            stop.countDown();
        }, "stdin-watcher");
        watcher.setDaemon(true);
        watcher.start();
    }
}
