package org.iocp4j.unix;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The bounded pool of helper threads that run regular-file reads and writes: epoll and kqueue
 * report a regular file as always ready, so its I/O cannot be made overlapped by readiness. At
 * most {@code iocp4j.file.threads} threads (default: the processors, 2 to 8) run file syscalls
 * at once; more requests wait in FIFO order. Idle threads end after a few seconds, so an idle
 * JVM keeps none. One pool serves every backend and port in the JVM.
 */
final class FileHelpers {
    private static final ThreadPoolExecutor POOL = newPool();

    private FileHelpers() {}

    static void run(Runnable task) {
        POOL.execute(task);
    }

    /** How many threads may run file syscalls at once. */
    static int threads() {
        return POOL.getMaximumPoolSize();
    }

    private static ThreadPoolExecutor newPool() {
        int cpus = Runtime.getRuntime().availableProcessors();
        int n = Integer.getInteger("iocp4j.file.threads", Math.max(2, Math.min(8, cpus)));
        if (n < 1) {
            throw new IllegalArgumentException("iocp4j.file.threads must be >= 1, got " + n);
        }
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
