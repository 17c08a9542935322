package org.iocp4j.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import org.iocp4j.CompletionEntry;

/**
 * The port's FIFO packet queue (EntryListHead): a ring that doubles when full and never shrinks,
 * so steady state allocates nothing. A packet is two longs side by side (the key; the byte count
 * and the error packed in one) and one reference, so a post writes two arrays, not four, and
 * neighbouring packets share cache lines. Guarded by the port's lock, which it is: the lock word
 * sits beside the head and the size, so a thread that takes the lock has them in the same cache
 * line, and a producer and a consumer pass one line back and forth per packet, not two.
 */
final class PacketRing extends SpinLock {
    private static final VarHandle SIZE;

    static {
        try {
            SIZE = MethodHandles.lookup().findVarHandle(PacketRing.class, "size", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** Slot i: words[2i] the key, words[2i + 1] the byte count (high half) and the error (low half). */
    private long[] words;
    private Object[] overlappeds;
    /** Capacity - 1; the capacity is a power of two. */
    private int mask;
    private int head;
    private int size;

    PacketRing(int initialCapacity) {
        allocate(Integer.highestOneBit(Math.max(2, initialCapacity - 1) << 1));
    }

    private void allocate(int capacity) {
        words = new long[capacity << 1];
        overlappeds = new Object[capacity];
        mask = capacity - 1;
    }

    int size() {
        return size;
    }

    boolean isEmpty() {
        return size == 0;
    }

    /**
     * The size read without the lock, for a thread spinning before it takes the lock: a hint
     * that is never hoisted out of the loop, not a decision (decide under the lock).
     */
    int sizeHint() {
        return (int) SIZE.getOpaque(this);
    }

    void add(long key, int nbytes, Object overlapped, int error) {
        if (size > mask) {
            grow();
        }
        int i = (head + size) & mask;
        words[i << 1] = key;
        words[(i << 1) + 1] = ((long) nbytes << 32) | (error & 0xFFFF_FFFFL);
        overlappeds[i] = overlapped;
        size++;
    }

    /** Moves the head packet into slot {@code slot} of {@code r}'s scratch buffer; returns its key. */
    long removeInto(ThreadRecord r, int slot) {
        int i = head;
        long key = words[i << 1];
        long be = words[(i << 1) + 1];
        r.keys[slot] = key;
        r.bytes[slot] = (int) (be >>> 32);
        r.errors[slot] = (int) be;
        r.overlappeds[slot] = overlappeds[i];
        overlappeds[i] = null;
        head = (i + 1) & mask;
        size--;
        return key;
    }

    /** Moves the head packet into {@code e}; returns its key. */
    long removeInto(CompletionEntry e) {
        int i = head;
        long key = words[i << 1];
        long be = words[(i << 1) + 1];
        e.set(key, (int) (be >>> 32), overlappeds[i], (int) be);
        overlappeds[i] = null;
        head = (i + 1) & mask;
        size--;
        return key;
    }

    void clear() {
        while (size > 0) {
            overlappeds[head] = null;
            head = (head + 1) & mask;
            size--;
        }
    }

    private void grow() {
        long[] w = words;
        Object[] o = overlappeds;
        int n = mask + 1;
        allocate(n << 1);
        for (int j = 0; j < n; j++) {
            int i = (head + j) & (n - 1);
            words[j << 1] = w[i << 1];
            words[(j << 1) + 1] = w[(i << 1) + 1];
            overlappeds[j] = o[i];
        }
        head = 0;
    }
}
