package org.iocp4j.windows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.iocp4j.Blocking;
import org.junit.jupiter.api.Test;

/**
 * The harness the suites run on here: a scenario thread waiting for its next step keeps running
 * (the Windows kernel would count a blocked one as giving up its port slot, R26), and blocks only
 * inside {@link Blocking#run}, where the test asks for a wait the port must see.
 */
class WindowsHarnessTest {
    private final WindowsHarness harness = new WindowsHarness(Duration.ofSeconds(20));

    @Test
    void aScenarioThreadWaitsForItsNextStepWithoutBlocking() {
        AtomicBoolean go = new AtomicBoolean();
        AtomicBoolean waiting = new AtomicBoolean();
        Thread t = harness.start("scenario", () -> {
            waiting.set(true);
            harness.awaitUntil("go", go::get);
        });
        OnWindows.awaitUntil("it waits", waiting::get);
        for (int i = 0; i < 20; i++) {
            assertEquals(Thread.State.RUNNABLE, t.getState(), "spinning, never parked");
        }
        go.set(true);
        harness.join(t);
    }

    @Test
    void insideBlockingItReallyBlocks() {
        AtomicBoolean go = new AtomicBoolean();
        Thread t = harness.start("scenario", () -> {
            try {
                Blocking.run(() -> harness.awaitUntil("go", go::get));
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
        OnWindows.awaitUntil("it is parked", () -> t.getState() == Thread.State.WAITING
                || t.getState() == Thread.State.TIMED_WAITING);
        go.set(true);
        harness.join(t);
        assertFalse(t.isAlive());
    }

    @Test
    void aSpinningWaitGivesUpAfterThePatience() {
        WindowsHarness impatient = new WindowsHarness(Duration.ofMillis(50));
        AssertionError[] failed = {null};
        Thread t = impatient.start("scenario", () -> {
            try {
                impatient.awaitUntil("never", () -> false);
            } catch (AssertionError e) {
                failed[0] = e;
            }
        });
        harness.join(t);
        assertTrue(failed[0] != null && failed[0].getMessage().startsWith("never did not happen within"),
                String.valueOf(failed[0]));
    }

    @Test
    void theTestsOwnThreadWaitsAsUsual() {
        assertFalse(WindowsHarness.insideBlocking());
        assertThrows(RuntimeException.class, () -> new WindowsHarness(Duration.ofMillis(20)).awaitUntil("never", () -> false),
                "Awaitility's timeout, not the spin");
    }
}
