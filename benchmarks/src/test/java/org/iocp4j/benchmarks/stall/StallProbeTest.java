package org.iocp4j.benchmarks.stall;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The probe runs end to end: each trial's request on the second connection reaches the parked
 * worker while the first worker is busy. Its figures belong to probe runs on a quiet machine
 * (docs/io.md), not to tests, so none is checked here.
 */
class StallProbeTest {
    @Test
    void everyTrialsCompletionReachesTheParkedWorker() {
        long[] waits = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> StallProbe.probe(3, 20, 20));
        assertEquals(3, waits.length);
        for (long w : waits) {
            assertTrue(w > 0, "a wait was measured: " + w);
        }
    }
}
