package org.iocp4j.spi;

import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.iocp4j.CompletionHandler;
import org.iocp4j.CompletionPort;

/**
 * What every backend's {@link CompletionPort} does the same way around its own dequeue: the
 * checks of the arguments (with the same messages everywhere) and the delivery of a batch to a
 * {@link CompletionHandler}. Stateless; for backend implementations.
 */
public final class PortCalls {
    private PortCalls() {}

    /**
     * A dequeue's timeout in nanoseconds: {@link CompletionPort#INFINITE} becomes
     * {@code Long.MAX_VALUE}, 0 stays "do not wait" (R39).
     *
     * @throws NullPointerException if {@code unit} is null
     * @throws IllegalArgumentException if {@code timeout} is negative
     */
    public static long timeoutNanos(long timeout, TimeUnit unit) {
        Objects.requireNonNull(unit, "unit");
        if (timeout < 0) {
            throw new IllegalArgumentException("timeout must be >= 0 (0 = do not wait, CompletionPort.INFINITE = "
                    + "wait forever), got " + timeout);
        }
        return timeout == CompletionPort.INFINITE ? Long.MAX_VALUE : unit.toNanos(timeout);
    }

    /**
     * Checks a batch dequeue's handler and limit (GetQueuedCompletionStatusEx refuses a count
     * below 1 with ERROR_INVALID_PARAMETER, R45).
     *
     * @throws NullPointerException if {@code handler} is null
     * @throws IllegalArgumentException if {@code limit} is below 1
     */
    public static void checkBatch(CompletionHandler handler, int limit) {
        Objects.requireNonNull(handler, "handler");
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be >= 1 (ERROR_INVALID_PARAMETER, R45), got " + limit);
        }
    }

    /**
     * Hands the first {@code n} removed entries to {@code handler} in order (R48), clearing each
     * overlapped slot as it goes. Every entry is delivered even when the handler throws, since
     * the port already removed them (R47); afterwards the first throwable is rethrown with the
     * later ones suppressed. The handler may dequeue again on this thread: the caller must not
     * let such a nested call reuse these arrays.
     */
    public static void deliver(CompletionHandler handler, int n, long[] keys, int[] bytes, Object[] overlappeds,
            int[] errors) {
        Throwable first = null; // a RuntimeException or an Error: the handler declares nothing else
        for (int i = 0; i < n; i++) {
            Object ov = overlappeds[i];
            overlappeds[i] = null;
            try {
                handler.onCompletion(keys[i], bytes[i], ov, errors[i]);
            } catch (RuntimeException | Error e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first instanceof Error err) {
            throw err;
        }
        if (first != null) {
            throw (RuntimeException) first;
        }
    }
}
