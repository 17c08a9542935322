package org.iocp4j.windows;

import org.iocp4j.CompletionPort;
import org.iocp4j.PortCapabilities;
import org.iocp4j.PortOptions;
import org.iocp4j.spi.CompletionPortProvider;

/**
 * The native Windows backend, {@code "windows"}: the kernel's completion port through JNA.
 * Available on 64-bit Windows (and Wine) with kernel32 and ntdll loadable; ranks above the
 * emulation, so {@link org.iocp4j.CompletionPorts#open(PortOptions)} picks it there.
 *
 * <p>I/O: a port's {@link CompletionPort#io()} opens overlapped sockets and files (WSASocketW
 * with WSA_FLAG_OVERLAPPED, CreateFileW with FILE_FLAG_OVERLAPPED) that can be associated with any
 * port of this backend; the kernel does the I/O and queues the packets (docs/windows.md).
 *
 * <p>Capabilities: the kernel enforces the concurrency maximum (not under Wine, which ignores it,
 * spec 1.19) and sees every wait of every thread, including thread exit; it does not report the
 * active, associated or waiting thread counts. Options: {@link PortOptions#watchdogPeriod()} and
 * {@link PortOptions#watchThreadStates()} have no effect (the kernel needs no watchdog); a
 * {@link PortOptions#listener()} is refused, since the kernel schedules without telling anyone.
 */
public final class WindowsPortProvider implements CompletionPortProvider {
    /** The backend's name. */
    public static final String NAME = "windows";
    /** Above the emulation ({@code "java"}, 0) and the Linux/macOS backends. */
    public static final int PRIORITY = 100;

    public WindowsPortProvider() {
        // ServiceLoader
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int priority() {
        return PRIORITY;
    }

    @Override
    public boolean isAvailable() {
        return WindowsPlatform.isAvailable();
    }

    @Override
    public Throwable unavailabilityCause() {
        return WindowsPlatform.unavailabilityCause();
    }

    /** What this backend does here: on Wine the concurrency maximum is not enforced. */
    public static PortCapabilities capabilities() {
        WindowsPlatform.ensureAvailability();
        return new PortCapabilities(!WindowsPlatform.isWine(), false, true, true, false, !WindowsPlatform.isWine(), false);
    }

    /** True when the backend runs under Wine rather than Windows. */
    public static boolean isWine() {
        return WindowsPlatform.isAvailable() && WindowsPlatform.isWine();
    }

    /** Wine's version when {@link #isWine()}, else null. */
    public static String wineVersion() {
        return isWine() ? WindowsPlatform.wineVersion() : null;
    }

    /**
     * @throws UnsupportedOperationException if the backend is not available here (the cause says why)
     * @throws IllegalArgumentException if the options carry a listener
     * @throws WindowsPortException if CreateIoCompletionPort fails
     */
    @Override
    public CompletionPort open(PortOptions options) {
        WindowsPlatform.ensureAvailability();
        if (options.listener() != null) {
            throw new IllegalArgumentException("options.listener: the windows backend cannot report port events "
                    + "(the kernel schedules without telling anyone); open the port without a listener, or use "
                    + "the \"java\" or \"sim\" backend to watch the algorithm");
        }
        return WindowsCompletionPort.create(options.effectiveConcurrency(), capabilities());
    }
}
