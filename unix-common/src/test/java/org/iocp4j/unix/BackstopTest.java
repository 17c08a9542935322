package org.iocp4j.unix;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The backstop's two modes, on an alarm that moves without waking it, with a poll role held throughout and an alarm that
 * rings only when the test says: releases set the alarm only while they come often (eager); when
 * they come seldom the backstop sets it itself (patrolling), and after two quiet looks sleeps
 * until a release sets it.
 */
class BackstopTest {
    private static final long PATIENCE_SECONDS = 10;

    /** A role some waiter holds all along. */
    private static final PollRole HELD = new PollRole() {
        @Override
        public boolean roleHeld() {
            return true;
        }

        @Override
        public long freeSince() {
            return System.nanoTime();
        }

        @Override
        public boolean hasTasks() {
            return false;
        }

        @Override
        public boolean pollAsBackstop() {
            return false;
        }
    };

    /** Counts settings; rings when the test releases a permit. */
    private static final class TestAlarm implements ReleaseAlarm {
        final AtomicInteger settings = new AtomicInteger();
        final Semaphore rings = new Semaphore(0);

        @Override
        public void setAt(long nanoTime) {
            settings.incrementAndGet();
        }

        @Override
        public void sleepUntilRing() {
            rings.acquireUninterruptibly();
        }

        /** Returns once the backstop has looked and sleeps on the alarm again. */
        void awaitSleeper() {
            await().atMost(PATIENCE_SECONDS, SECONDS).until(rings::hasQueuedThreads);
        }

        /** Rings once and waits until the backstop has woken. */
        void ring() {
            rings.release();
            await().atMost(PATIENCE_SECONDS, SECONDS).until(() -> rings.availablePermits() == 0);
        }
    }

    private final TestAlarm alarm = new TestAlarm();

    private Backstop started(long graceNanos) {
        Backstop b = new Backstop(HELD, graceNanos, "backstop-under-test", alarm);
        b.start();
        alarm.awaitSleeper();
        return b;
    }

    @Test
    public void frequentReleasesMakeItEagerAndSetTheAlarmThemselves() {
        Backstop b = started(SECONDS.toNanos(10)); // a quarter grace is 2.5 s: any burst is frequent
        assertEquals(1, alarm.settings.get(), "its first look found no releases: it set a patrol");
        for (int i = 0; i < 20; i++) {
            b.released(System.nanoTime());
        }
        assertEquals(1, alarm.settings.get(), "patrolling, releases set nothing");
        alarm.ring();
        alarm.awaitSleeper(); // looked: 20 releases since the last look, so eager; none came during the look
        assertEquals(1, alarm.settings.get(), "nothing to set: the next release will");
        b.released(System.nanoTime());
        assertEquals(2, alarm.settings.get(), "eager: a release sets the alarm a grace ahead");
        b.released(System.nanoTime());
        assertEquals(2, alarm.settings.get(), "at most once per half grace");
    }

    /**
     * Releases that came during a look, after it saw the role held and while it still patrolled,
     * set no alarm; when that look turns it eager after its patrol alarm has rung, it must set the
     * alarm itself, or it sleeps on with the role left free and nobody polling.
     */
    @Test
    public void turningEagerAfterItsPatrolRangSetsTheAlarmSoAFreeRoleIsTaken() {
        long grace = 5_000_000; // 5 ms
        AtomicInteger looks = new AtomicInteger();
        AtomicInteger polls = new AtomicInteger();
        Backstop[] b = new Backstop[1];
        long[] freedAt = {0};
        PollRole role = new PollRole() {
            @Override
            public boolean roleHeld() {
                if (polls.get() > 0) {
                    return true; // taken: the test is over, let it patrol and sleep
                }
                int look = looks.incrementAndGet();
                if (look == 2) { // a burst of releases while it patrols, the last leaving the role free
                    for (int i = 0; i < 20; i++) {
                        b[0].released(System.nanoTime());
                    }
                    freedAt[0] = System.nanoTime();
                    return true; // it saw the role held just before the last release
                }
                return look < 2;
            }

            @Override
            public long freeSince() {
                return freedAt[0];
            }

            @Override
            public boolean hasTasks() {
                return false;
            }

            @Override
            public boolean pollAsBackstop() {
                polls.incrementAndGet();
                return true;
            }
        };
        b[0] = new Backstop(role, grace, "backstop-under-test", new KernelLikeAlarm());
        b[0].start();
        await().atMost(PATIENCE_SECONDS, SECONDS).until(() -> polls.get() > 0);
    }

    /** Rings once its time comes, then is disarmed until set again, as a timerfd. */
    private static final class KernelLikeAlarm implements ReleaseAlarm {
        private long due = Long.MAX_VALUE;

        @Override
        public synchronized void setAt(long nanoTime) {
            due = nanoTime;
            notifyAll();
        }

        @Override
        public synchronized void sleepUntilRing() {
            long left;
            while ((left = due - System.nanoTime()) > 0) {
                try {
                    if (due == Long.MAX_VALUE) {
                        wait();
                    } else {
                        wait(Math.max(1, left / 1_000_000));
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            due = Long.MAX_VALUE;
        }
    }

    @Test
    public void seldomReleasesKeepItPatrollingAndQuietLooksPutItToSleepUntilOne() {
        Backstop b = started(1_000); // a quarter grace is 250 ns: releases are never that frequent
        assertEquals(1, alarm.settings.get());
        b.released(System.nanoTime());
        assertEquals(1, alarm.settings.get(), "patrolling, releases set nothing");
        alarm.ring();
        alarm.awaitSleeper(); // one release since the last look: it patrols on, setting the alarm
        assertEquals(2, alarm.settings.get());
        alarm.ring();
        alarm.awaitSleeper(); // a quiet look: patrols again
        assertEquals(3, alarm.settings.get());
        alarm.ring();
        alarm.awaitSleeper(); // a second quiet look: it sleeps until a release, setting nothing
        assertEquals(3, alarm.settings.get());
        b.released(System.nanoTime());
        assertEquals(4, alarm.settings.get(), "the release that ends its sleep sets the alarm");
    }

    /** A poll that fails (a bug, an Error) does not end the backstop: it looks again and polls. */
    @Test
    public void aFailedPollDoesNotEndTheBackstop() {
        AtomicInteger polls = new AtomicInteger();
        PollRole role = new PollRole() {
            @Override
            public boolean roleHeld() {
                return polls.get() >= 2; // free until it has polled twice
            }

            @Override
            public long freeSince() {
                return 0;
            }

            @Override
            public boolean hasTasks() {
                return false;
            }

            @Override
            public boolean pollAsBackstop() {
                if (polls.incrementAndGet() == 1) {
                    throw new IllegalStateException("a poll failed (staged)");
                }
                return true;
            }
        };
        Backstop b = new Backstop(role, 1_000_000, "backstop-under-test", new KernelLikeAlarm());
        b.start();
        await().atMost(PATIENCE_SECONDS, SECONDS).until(() -> polls.get() >= 2);
        assertTrue(b.thread().isAlive());
    }
}
