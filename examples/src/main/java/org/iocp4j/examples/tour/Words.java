package org.iocp4j.examples.tour;

import org.iocp4j.CompletionEntry;
import org.iocp4j.DequeueStatus;
import org.iocp4j.Win32Error;

/** How the tour words a dequeue's result, in Java and in Win32 terms. */
final class Words {
    private Words() {}

    /**
     * E.g. {@code "COMPLETED (TRUE): key 7, 512 bytes, overlapped request-1"} or
     * {@code "TIMEOUT (FALSE, WAIT_TIMEOUT (258))"}.
     */
    static String result(DequeueStatus s, CompletionEntry e) {
        return switch (s) {
            case COMPLETED -> "COMPLETED (TRUE): " + packet(e);
            case FAILED -> "FAILED (FALSE, " + Win32Error.describe(e.error()) + "): " + packet(e);
            default -> s + " (FALSE, " + Win32Error.describe(s.win32Error()) + ")";
        };
    }

    private static String packet(CompletionEntry e) {
        return "key " + e.key() + ", " + Integer.toUnsignedString(e.bytes()) + " bytes, overlapped "
                + e.overlapped();
    }
}
