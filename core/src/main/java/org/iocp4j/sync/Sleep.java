package org.iocp4j.sync;

import java.time.Duration;
import java.util.Objects;
import org.iocp4j.internal.Seam;
import org.iocp4j.internal.ThreadRecord;

/**
 * Sleep as Windows' Sleep: the calling thread waits for the duration, and while it does, an
 * associated thread gives up its port slot (R26) and takes it back after (R27). A sleep of zero
 * only yields the processor, as Sleep(0) does.
 */
public final class Sleep {
    private Sleep() {}

    /**
     * Sleeps for {@code duration}. A sleep longer than zero counts as a wait: an associated
     * thread gives up its slot on entry (R26, which may release a port waiter) and takes it back
     * on return, even over the maximum (R27). A sleep of zero yields the processor and is no
     * wait, so the thread keeps its slot: the kernel's KeDelayExecutionThread answers a zero,
     * non-alertable delay from user mode with a plain yield (NtYieldExecution) before it would
     * touch the thread's queue (Windows Research Kernel wait.c; current kernels do the same).
     *
     * @throws IllegalArgumentException if duration is negative
     * @throws InterruptedException if the thread is interrupted before or during the sleep; the
     *     interrupt status is cleared, and a slot given up is taken back first
     */
    public static void sleep(Duration duration) throws InterruptedException {
        Objects.requireNonNull(duration, "duration");
        if (duration.isNegative()) {
            throw new IllegalArgumentException("duration must be >= 0, got " + duration);
        }
        ThreadRecord me = ThreadRecord.current();
        Seam seam = me.seam();
        seam.schedulingPoint();
        if (Thread.interrupted()) {
            throw new InterruptedException("interrupted before Sleep.sleep began");
        }
        if (duration.isZero()) {
            seam.yieldProcessor(); // Sleep(0): no wait, so R26 does not apply
            return;
        }
        long nanos = saturatedNanos(duration);
        me.enterWait();
        try {
            long deadline = seam.nanoTime() + nanos;
            for (long left = nanos; left > 0; left = deadline - seam.nanoTime()) {
                if (Thread.interrupted()) {
                    throw new InterruptedException("interrupted in Sleep.sleep");
                }
                seam.parkNanos(Sleep.class, left);
            }
        } finally {
            me.exitWait();
        }
    }

    private static long saturatedNanos(Duration d) {
        try {
            return d.toNanos();
        } catch (ArithmeticException tooLong) {
            return Long.MAX_VALUE / 2; // about 146 years
        }
    }
}
