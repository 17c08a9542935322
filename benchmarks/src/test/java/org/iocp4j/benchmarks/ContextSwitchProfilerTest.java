package org.iocp4j.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ContextSwitchProfilerTest {

    @Test
    void addsVoluntaryAndInvoluntarySwitches() {
        assertEquals(17, ContextSwitchProfiler.switches(List.of("Name:\tjava", "voluntary_ctxt_switches:\t12",
                "nonvoluntary_ctxt_switches:\t5", "Threads:\t3")));
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
