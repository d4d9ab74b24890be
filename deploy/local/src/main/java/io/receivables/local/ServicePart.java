package io.receivables.local;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** A service's process as a {@link SupervisedPart}: started again with the same command, environment and port. */
final class ServicePart implements SupervisedPart {

    private final ServiceProcess service;
    private final Duration startupTimeout;

    ServicePart(ServiceProcess service, Duration startupTimeout) {
        this.service = service;
        this.startupTimeout = startupTimeout;
    }

    @Override
    public String name() {
        return service.name();
    }

    @Override
    public Running start() {
        service.start().awaitReady(startupTimeout);
        return service.process().map(Running::of)
                .orElseThrow(() -> new IllegalStateException(service.name() + " was stopped while it started"));
    }

    @Override
    public void stop() {
        service.stop();
    }

    @Override
    public Path logFile() {
        return service.logFile();
    }

    @Override
    public Optional<URI> healthUrl() {
        return Optional.of(service.url().resolve("/q/health/ready"));
    }
}
