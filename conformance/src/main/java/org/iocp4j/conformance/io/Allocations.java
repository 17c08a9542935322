package org.iocp4j.conformance.io;

import com.sun.management.ThreadMXBean;
import java.lang.management.ManagementFactory;

/** Bytes the calling thread has allocated on the heap so far (HotSpot counts them per thread). */
public final class Allocations {
    private static final ThreadMXBean THREADS = (ThreadMXBean) ManagementFactory.getThreadMXBean();

    private Allocations() {}

    /** The calling thread's allocated bytes so far; subtract two readings for what lies between. */
    public static long ofCurrentThread() {
        return THREADS.getCurrentThreadAllocatedBytes();
    }
}
