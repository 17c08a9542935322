package org.iocp4j.spi;

import org.iocp4j.CompletionPort;
import org.iocp4j.PortOptions;

/**
 * What a backend implements, found with {@link java.util.ServiceLoader}. Each provider has the
 * availability triad of Netty's native transports: {@link #isAvailable()},
 * {@link #unavailabilityCause()}, and {@link org.iocp4j.CompletionPorts#open(String, PortOptions)}
 * throwing when it is not available.
 */
public interface CompletionPortProvider {

    /** The backend's name, as {@link CompletionPort#backend()} reports it. */
    String name();

    /** Higher wins when {@link org.iocp4j.CompletionPorts#open(PortOptions)} picks a backend. */
    int priority();

    /** True when this backend can open ports on this machine. */
    boolean isAvailable();

    /** Why it cannot, or null when it can. */
    Throwable unavailabilityCause();

    /** Opens a port; called only when available. */
    CompletionPort open(PortOptions options);
}
