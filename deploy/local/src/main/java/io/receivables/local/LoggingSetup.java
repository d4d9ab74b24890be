package io.receivables.local;

import java.nio.file.Path;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logging of the command-line entry points: everything (SLF4J, and java.util.logging from Jersey and HK2) goes to
 * one file through log4j2 ({@code local-platform-log4j2.xml}), WARN and above from the libraries; nothing floods the
 * console. Must run before the first logger is created.
 */
final class LoggingSetup {

    private LoggingSetup() {
    }

    static void toFile(Path logFile) {
        System.setProperty("local.platform.log.file", logFile.toAbsolutePath().toString());
        if (System.getProperty("log4j2.configurationFile") == null) {
            System.setProperty("log4j2.configurationFile", "local-platform-log4j2.xml");
        }
        LogManager.getLogManager().reset();
        java.util.logging.Logger root = java.util.logging.Logger.getLogger("");
        root.setLevel(Level.WARNING);
        root.addHandler(new Slf4jHandler());
    }

    /** java.util.logging to SLF4J, WARNING and above. */
    private static final class Slf4jHandler extends Handler {
        @Override
        public void publish(LogRecord record) {
            if (record.getLevel().intValue() < Level.WARNING.intValue()) {
                return;
            }
            Logger logger = LoggerFactory.getLogger(record.getLoggerName() == null ? "jul" : record.getLoggerName());
            String message = record.getMessage();
            if (record.getParameters() != null && message != null) {
                try {
                    message = java.text.MessageFormat.format(message, record.getParameters());
                } catch (IllegalArgumentException e) {
                    // keep the unformatted message
                }
            }
            if (record.getLevel().intValue() >= Level.SEVERE.intValue()) {
                logger.error(message, record.getThrown());
            } else {
                logger.warn(message, record.getThrown());
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}
