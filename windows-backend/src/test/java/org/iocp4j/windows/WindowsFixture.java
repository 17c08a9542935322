package org.iocp4j.windows;

import org.iocp4j.CompletionPort;
import org.iocp4j.PortCapabilities;
import org.iocp4j.PortOptions;
import org.iocp4j.conformance.BackendFixture;
import org.iocp4j.conformance.Harness;
import org.iocp4j.conformance.RealThreadHarness;

/**
 * The native backend for the conformance suites: real threads, the kernel's port. The kernel's
 * state is hidden, so the only invariant seen is the backend's own: a closed port holds no slot.
 */
final class WindowsFixture implements BackendFixture {
    private final Harness harness = new RealThreadHarness(OnWindows.PATIENCE);

    /** Suites should call {@link OnWindows#assumeAvailable()} first; this fixture then works. */
    WindowsFixture() {
        // nothing to set up
    }

    @Override
    public String name() {
        return WindowsPortProvider.isWine() ? "windows (Wine " + WindowsPortProvider.wineVersion() + ")" : "windows";
    }

    @Override
    public CompletionPort open(PortOptions options) {
        return new WindowsPortProvider().open(options);
    }

    @Override
    public PortCapabilities capabilities() {
        return WindowsPortProvider.capabilities();
    }

    @Override
    public Harness harness() {
        return harness;
    }

    @Override
    public String invariantViolation(CompletionPort port) {
        if (port instanceof WindowsCompletionPort w && w.isClosed() && w.slotsInUse() != 0) {
            return w.slotsInUse() + " packet slots still held after close (R38: they must be freed)";
        }
        return null;
    }
}
