package org.iocp4j.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * The port's FIFO packet queue (EntryListHead): parallel arrays used as a ring that doubles when
 * full and never shrinks, so steady state allocates nothing. Guarded by the port's lock.
 */
final class PacketRing {
    private static final VarHandle SIZE;

    static {
        try {
            SIZE = MethodHandles.lookup().findVarHandle(PacketRing.class, "size", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private long[] keys;
    private int[] bytes;
    private Object[] overlappeds;
    private int[] errors;
    private int head;
    private int size;

    PacketRing(int initialCapacity) {
        allocate(Integer.highestOneBit(Math.max(2, initialCapacity - 1) << 1));
    }

    private void allocate(int capacity) {
        keys = new long[capacity];
        bytes = new int[capacity];
        overlappeds = new Object[capacity];
        errors = new int[capacity];
    }

    int size() {
        return size;
    }

    boolean isEmpty() {
        return size == 0;
    }

    /**
     * Emptiness read without the lock, for a thread spinning before it takes the lock: a hint
     * that is never hoisted out of the loop, not a decision (decide under the lock).
     */
    boolean looksEmpty() {
        return (int) SIZE.getOpaque(this) == 0;
    }

    void add(long key, int nbytes, Object overlapped, int error) {
        if (size == keys.length) {
            grow();
        }
        int i = (head + size) & (keys.length - 1);
        keys[i] = key;
        bytes[i] = nbytes;
        overlappeds[i] = overlapped;
        errors[i] = error;
        size++;
    }

    /** Moves the head packet into slot {@code slot} of {@code r}'s scratch buffer. */
    void removeInto(ThreadRecord r, int slot) {
        int i = head;
        r.keys[slot] = keys[i];
        r.bytes[slot] = bytes[i];
        r.overlappeds[slot] = overlappeds[i];
        r.errors[slot] = errors[i];
        overlappeds[i] = null;
        head = (i + 1) & (keys.length - 1);
        size--;
    }

    long headKey() {
        return keys[head];
    }

    void clear() {
        while (size > 0) {
            overlappeds[head] = null;
            head = (head + 1) & (keys.length - 1);
            size--;
        }
    }

    private void grow() {
        long[] k = keys;
        int[] b = bytes;
        Object[] o = overlappeds;
        int[] e = errors;
        int n = k.length;
        allocate(n << 1);
        for (int j = 0; j < n; j++) {
            int i = (head + j) & (n - 1);
            keys[j] = k[i];
            bytes[j] = b[i];
            overlappeds[j] = o[i];
            errors[j] = e[i];
        }
        head = 0;
    }
}
