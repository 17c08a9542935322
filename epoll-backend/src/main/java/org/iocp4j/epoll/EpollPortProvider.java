package org.iocp4j.epoll;

import org.iocp4j.CompletionPort;
import org.iocp4j.PortOptions;
import org.iocp4j.spi.CompletionPortProvider;

/** Finds the epoll backend for {@link org.iocp4j.CompletionPorts}: ranks above the pure-Java one on Linux. */
public final class EpollPortProvider implements CompletionPortProvider {
    /** The rank: above {@code "java"} (0), below a native Windows port. */
    public static final int PRIORITY = 50;

    public EpollPortProvider() {
        // ServiceLoader
    }

    @Override
    public String name() {
        return EpollBackend.NAME;
    }

    @Override
    public int priority() {
        return PRIORITY;
    }

    @Override
    public boolean isAvailable() {
        return EpollBackend.isAvailable();
    }

    @Override
    public Throwable unavailabilityCause() {
        return EpollBackend.unavailabilityCause();
    }

    @Override
    public CompletionPort open(PortOptions options) {
        return EpollBackend.open(options);
    }
}
