package org.iocp4j.internal;

import org.iocp4j.CompletionPort;
import org.iocp4j.PortCapabilities;
import org.iocp4j.PortOptions;
import org.iocp4j.spi.CompletionPortProvider;

/**
 * The pure-Java backend, {@code "java"}: the engine on real threads, with no I/O of its own.
 * Available everywhere; the native backends rank above it.
 */
public final class EmulatedPortProvider implements CompletionPortProvider {
    /** What the engine does on real threads. */
    public static final PortCapabilities CAPABILITIES = new PortCapabilities(true, true, true, true, false, true, true);

    public EmulatedPortProvider() {
        // ServiceLoader
    }

    @Override
    public String name() {
        return "java";
    }

    @Override
    public int priority() {
        return 0;
    }

    @Override
    public boolean isAvailable() {
        return true;
    }

    @Override
    public Throwable unavailabilityCause() {
        return null;
    }

    @Override
    public CompletionPort open(PortOptions options) {
        // The opening thread's seam: under the simulator no real watchdog thread may start.
        return new EmulatedCompletionPort(name(), CAPABILITIES, options, ThreadRecord.current().seam());
    }
}
