package org.iocp4j.unix;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.iocp4j.internal.Settings;

/**
 * The bounded pool of helper threads that run regular-file reads and writes: epoll and kqueue
 * report a regular file as always ready, so its I/O cannot be made overlapped by readiness. At
 * most {@code iocp4j.file.threads} threads (default: the processors, 2 to 8) run file syscalls
 * at once; more requests wait in FIFO order. Idle threads end after a few seconds, so an idle
 * JVM keeps none. One pool serves every backend and port in the JVM.
 */
final class FileHelpers {
    private static final String THREADS_PROPERTY = "iocp4j.file.threads";

    private FileHelpers() {}

    /** Made at the first file operation. */
    private static final class Pool {
        static final ThreadPoolExecutor POOL = newPool(threadsSetting());
    }

    static void run(Runnable task) {
        Pool.POOL.execute(task);
    }

    /**
     * Refuses a bad {@code iocp4j.file.threads} when a backend starts, before any operation is
     * queued (the pool itself starts at the first file operation).
     *
     * @throws IllegalArgumentException naming the property and its value
     */
    static void checkSetting() {
        threadsSetting();
    }

    private static int threadsSetting() {
        int cpus = Runtime.getRuntime().availableProcessors();
        return Settings.wholeInt(THREADS_PROPERTY, Math.max(2, Math.min(8, cpus)), 1);
    }

    private static ThreadPoolExecutor newPool(int n) {
        AtomicInteger count = new AtomicInteger();
        ThreadFactory factory = r -> {
            Thread t = new Thread(r, "iocp4j-file-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        ThreadPoolExecutor pool = new ThreadPoolExecutor(n, n, 5, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), factory);
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }
}
