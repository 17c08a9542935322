package org.iocp4j.examples.tour;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The naive pool of the thundering-herd stop: worker threads wait on one monitor for jobs and
 * the producer calls notifyAll. Counts how many threads one job wakes.
 */
final class MonitorPool {
    private final int size;
    private final Object lock = new Object();
    private int sleeping; // guarded by lock
    private int wakeUps; // guarded by lock
    private int jobs; // guarded by lock
    private int done; // guarded by lock
    private boolean closed; // guarded by lock

    MonitorPool(int size) {
        this.size = size;
    }

    /**
     * Starts the threads, waits until all sleep, adds one job with notifyAll, waits until the
     * job is taken and every other thread sleeps again, stops the pool and returns the wake-ups.
     */
    int oneJob() throws InterruptedException {
        List<Thread> threads = new ArrayList<>();
        for (int i = 1; i <= size; i++) {
            threads.add(Thread.ofPlatform().name("herd-" + i).start(this::work));
        }
        Await.until("the herd sleeps", () -> read(() -> sleeping) == size);
        synchronized (lock) {
            jobs++;
            lock.notifyAll();
        }
        Await.until("the job is done and the herd sleeps again",
                () -> read(() -> done == 1 && wakeUps >= size && sleeping == size));
        int woken;
        synchronized (lock) {
            woken = wakeUps;
            closed = true;
            lock.notifyAll();
        }
        for (Thread t : threads) {
            t.join();
        }
        return woken;
    }

    private void work() {
        synchronized (lock) {
            while (!closed) {
                if (jobs > 0) {
                    jobs--;
                    done++;
                    continue;
                }
                sleeping++;
                try {
                    lock.wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                } finally {
                    sleeping--;
                }
                if (!closed) {
                    wakeUps++;
                }
            }
        }
    }

    private <T> T read(Supplier<T> value) {
        synchronized (lock) {
            return value.get();
        }
    }
}
