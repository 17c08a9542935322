package org.iocp4j.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ContextSwitchProfilerTest {

    @Test
    void addsVoluntaryAndInvoluntarySwitches() {
        String status = "Name:\tjava\nThreads:\t3\nvoluntary_ctxt_switches:\t12\nnonvoluntary_ctxt_switches:\t5\n";
        assertEquals(17, ContextSwitchProfiler.switches(ByteBuffer.wrap(status.getBytes(StandardCharsets.US_ASCII))));
        // without the final newline, and other lines with digits ignored
        assertEquals(7, ContextSwitchProfiler.switches(ByteBuffer.wrap(
                "Pid:\t42\nnonvoluntary_ctxt_switches:\t7".getBytes(StandardCharsets.US_ASCII))));
    }

    @Test
    void sampleSeesThisThreadSwitchWhenItSleeps() throws InterruptedException {
        assumeTrue(Files.isDirectory(Path.of("/proc/self/task")), "needs Linux /proc/self/task");
        Map<String, Long> before = ContextSwitchProfiler.sample();
        assertTrue(before.size() > 1, "a JVM has more than one thread: " + before);
        // Sleeping is a voluntary switch: the point here is the counter moving, not timing.
        Object lock = new Object();
        synchronized (lock) {
            lock.wait(1);
        }
        long grown = ContextSwitchProfiler.sample().entrySet().stream()
                .mapToLong(e -> e.getValue() - before.getOrDefault(e.getKey(), 0L)).sum();
        assertTrue(grown >= 1, "switches grew by " + grown);
    }
}
