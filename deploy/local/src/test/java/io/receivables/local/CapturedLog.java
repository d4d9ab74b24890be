package io.receivables.local;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Property;

/** The messages one logger writes while a test runs (log4j2 is this module's logging backend). */
final class CapturedLog extends AbstractAppender implements AutoCloseable {

    private final String logger;
    private final List<String> messages = new CopyOnWriteArrayList<>();

    private CapturedLog(String logger) {
        super("captured-" + logger, null, null, true, Property.EMPTY_ARRAY);
        this.logger = logger;
    }

    static CapturedLog of(Class<?> loggerClass) {
        CapturedLog log = new CapturedLog(loggerClass.getName());
        log.start();
        LoggerContext context = (LoggerContext) LogManager.getContext(false);
        context.getConfiguration().getLoggerConfig(log.logger).addAppender(log, Level.ALL, null);
        context.updateLoggers();
        return log;
    }

    @Override
    public void append(LogEvent event) {
        messages.add(event.getLevel() + " " + event.getMessage().getFormattedMessage());
    }

    List<String> messages() {
        return List.copyOf(messages);
    }

    @Override
    public void close() {
        LoggerContext context = (LoggerContext) LogManager.getContext(false);
        context.getConfiguration().getLoggerConfig(logger).removeAppender(getName());
        context.updateLoggers();
        stop();
    }
}
