package org.iocp4j.internal;

import org.iocp4j.io.Overlapped;

/** Frees the Overlapped an I/O packet carries once the packet is dequeued or dropped (R67). */
final class OverlappedRelease {
    private OverlappedRelease() {}

    /** {@code overlapped}: what a packet carries; anything but an {@link Overlapped} is left alone. */
    static void packetGone(Object overlapped) {
        if (overlapped instanceof Overlapped ov) {
            ov.packetDequeued();
        }
    }
}
