package org.iocp4j.kqueue;

import org.iocp4j.CompletionPort;
import org.iocp4j.PortOptions;
import org.iocp4j.spi.CompletionPortProvider;

/** Finds the kqueue backend for {@link org.iocp4j.CompletionPorts}: ranks above the pure-Java one on macOS. */
public final class KQueuePortProvider implements CompletionPortProvider {
    /** The rank: above {@code "java"} (0), below a native Windows port. */
    public static final int PRIORITY = 50;

    public KQueuePortProvider() {
        // ServiceLoader
    }

    @Override
    public String name() {
        return KQueueBackend.NAME;
    }

    @Override
    public int priority() {
        return PRIORITY;
    }

    @Override
    public boolean isAvailable() {
        return KQueueBackend.isAvailable();
    }

    @Override
    public Throwable unavailabilityCause() {
        return KQueueBackend.unavailabilityCause();
    }

    @Override
    public CompletionPort open(PortOptions options) {
        return KQueueBackend.open(options);
    }
}
