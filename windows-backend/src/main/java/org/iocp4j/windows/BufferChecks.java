package org.iocp4j.windows;

import java.nio.ByteBuffer;
import org.iocp4j.io.BufferRules;

/** Checks the caller's buffers before an operation starts, so bad input changes nothing. */
final class BufferChecks {
    private BufferChecks() {}

    /** Scatter reads: the shared rules, and the total must fit a DWORD. */
    static void scatter(ByteBuffer[] dsts) {
        requireDwordTotal(BufferRules.checkScatter(dsts), "dsts");
    }

    /** Gather writes: the shared rules, and the total must fit a DWORD. */
    static void gather(ByteBuffer[] srcs) {
        requireDwordTotal(BufferRules.checkGather(srcs), "srcs");
    }

    /** One operation reports its bytes as a DWORD that Java reads as an int. */
    private static void requireDwordTotal(long total, String name) {
        if (total > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(name + " hold " + total + " bytes; one operation moves at most "
                    + Integer.MAX_VALUE + ": split it");
        }
    }
}
