package org.iocp4j.epoll;

import static java.util.concurrent.TimeUnit.HOURS;
import static java.util.concurrent.TimeUnit.MILLISECONDS;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The backstop's timerfd alarm: it rings when set, and setting it again reaches a sleeper. */
class TimerFdAlarmTest {
    private static final long PATIENCE_SECONDS = 10;

    private final TimerFdAlarm alarm = new TimerFdAlarm();

    @AfterEach
    void close() {
        alarm.close();
    }

    @Test
    public void anAlarmSetForNowRingsAtOnce() throws Exception {
        alarm.setAt(System.nanoTime());
        sleeper().get(PATIENCE_SECONDS, SECONDS);
    }

    /** A time already past rings at once (a zero timerfd setting would disarm it instead). */
    @Test
    public void anAlarmSetInThePastRingsAtOnce() throws Exception {
        alarm.setAt(System.nanoTime() - SECONDS.toNanos(1));
        sleeper().get(PATIENCE_SECONDS, SECONDS);
    }

    @Test
    public void settingItAgainWakesASleeperWithoutWaitingForTheFormerTime() throws Exception {
        alarm.setAt(System.nanoTime() + HOURS.toNanos(1));
        Thread[] t = new Thread[1];
        CompletableFuture<Void> woke = sleeper(t);
        await().pollInterval(1, MILLISECONDS).atMost(PATIENCE_SECONDS, SECONDS).until(() -> inNativeCall(t[0]));
        assertFalse(woke.isDone(), "an alarm an hour ahead has not rung");
        alarm.setAt(System.nanoTime()); // replaces the hour
        woke.get(PATIENCE_SECONDS, SECONDS);
    }

    private CompletableFuture<Void> sleeper() {
        return sleeper(new Thread[1]);
    }

    private CompletableFuture<Void> sleeper(Thread[] started) {
        CompletableFuture<Void> woke = new CompletableFuture<>();
        started[0] = Thread.ofPlatform().name("sleeper").daemon().start(() -> {
            alarm.sleepUntilRing();
            woke.complete(null);
        });
        return woke;
    }

    private static boolean inNativeCall(Thread t) {
        StackTraceElement[] stack = t.getStackTrace();
        return stack.length > 0 && stack[0].isNativeMethod();
    }
}
