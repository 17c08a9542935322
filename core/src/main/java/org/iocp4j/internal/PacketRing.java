package org.iocp4j.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import org.iocp4j.CompletionEntry;

/**
 * The port's FIFO packet queue (EntryListHead): a ring that doubles when full and never shrinks,
 * so steady state allocates nothing. A packet is two longs side by side (the key; the byte count
 * and the error packed in one) and one reference.
 *
 * <p>Two locks, as in LinkedBlockingQueue: this object is the take lock (the port's lock: the
 * head, and all the gate's state in {@link PortGate}), {@link #tail} is the put lock (the tail).
 * A producer that only appends takes the put lock alone ({@link #offer}), so producers contend
 * with each other, not with the consumers; the tail count, written with release, publishes the
 * slot to them. Growing and clearing hold both locks, the take lock first; how a producer and a
 * thread starting to wait see each other is in EmulatedCompletionPort.insert.
 */
final class PacketRing extends SpinLock {
    private static final VarHandle HEAD;
    private static final VarHandle COUNT;

    static {
        try {
            HEAD = MethodHandles.lookup().findVarHandle(PacketRing.class, "head", int.class);
            COUNT = MethodHandles.lookup().findVarHandle(Tail.class, "count", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** The put lock and the producers' side of the ring, on their own cache line (see PaddedTail). */
    static class Tail extends SpinLock {
        /** Packets ever appended (wraps); written under this lock, published with release (COUNT). */
        int count;
        /** A head no newer than the real one, so a producer reads the consumers' line only when the ring looks full. Guarded by this lock. */
        int headSeen;
        long[] words;
        Object[] overlappeds;
        int mask;
    }

    /** A Tail followed by 64 bytes of nothing: the consumers' fields of a neighbour stay off its line. */
    static final class PaddedTail extends Tail {
        long pad8;
        long pad9;
        long pad10;
        long pad11;
        long pad12;
        long pad13;
        long pad14;
        long pad15;
    }

    final Tail tail = new PaddedTail();
    /**
     * Slot i: words[2i] the key, words[2i + 1] the byte count (high half) and the error (low
     * half). Guarded by the take lock. The consumers' references to the arrays; {@link Tail}
     * holds the producers' own (the same arrays), so neither side reads the other's line for them.
     */
    private long[] words;
    private Object[] overlappeds;
    /** Capacity - 1; the capacity is a power of two. */
    private int mask;
    /** Packets ever removed (wraps); written under the take lock, read by producers. */
    private int head;
    /**
     * A tail count no newer than the real one, so a consumer reads the producers' line only when
     * the packets it knew of are taken. Guarded by the take lock.
     */
    private int countSeen;

    PacketRing(int initialCapacity) {
        install(Integer.highestOneBit(Math.max(2, initialCapacity - 1) << 1));
    }

    private void install(int capacity) {
        words = new long[capacity << 1];
        overlappeds = new Object[capacity];
        mask = capacity - 1;
        tail.words = words;
        tail.overlappeds = overlappeds;
        tail.mask = mask;
    }

    /** Under the take lock. */
    int size() {
        countSeen = (int) COUNT.getAcquire(tail);
        return countSeen - head;
    }

    /**
     * Under the take lock: packets known to be queued, without reading the producers' line
     * again (at least one if {@link #isEmpty} just said no; at most {@link #size}).
     */
    int sizeSeen() {
        return countSeen - head;
    }

    /** Under the take lock. */
    boolean isEmpty() {
        if (countSeen != head) {
            return false;
        }
        countSeen = (int) COUNT.getAcquire(tail);
        return countSeen == head;
    }

    /**
     * The size read without the lock, for a thread spinning before it takes the lock: a hint
     * that is never hoisted out of the loop, not a decision (decide under the lock).
     */
    int sizeHint() {
        return (int) COUNT.getOpaque(tail) - (int) HEAD.getOpaque(this);
    }

    /** Under the put lock: appends the packet unless the ring is full; false then. */
    boolean offer(long key, int nbytes, Object overlapped, int error) {
        Tail t = tail;
        int c = t.count;
        if (c - t.headSeen > t.mask) {
            t.headSeen = (int) HEAD.getAcquire(this);
            if (c - t.headSeen > t.mask) {
                return false;
            }
        }
        int i = c & t.mask;
        t.words[i << 1] = key;
        t.words[(i << 1) + 1] = ((long) nbytes << 32) | (error & 0xFFFF_FFFFL);
        t.overlappeds[i] = overlapped;
        COUNT.setRelease(t, c + 1); // publishes the slot to consumers, who read the count with acquire
        return true;
    }

    /** Under both locks: appends the packet, growing the ring if it is full. */
    void add(long key, int nbytes, Object overlapped, int error) {
        if (!offer(key, nbytes, overlapped, error)) {
            grow();
            offer(key, nbytes, overlapped, error);
        }
    }

    /** Under the take lock. Moves the head packet into slot {@code slot} of {@code r}'s scratch buffer; returns its key. */
    long removeInto(ThreadRecord r, int slot) {
        int h = head;
        int i = h & mask;
        long key = words[i << 1];
        long be = words[(i << 1) + 1];
        r.keys[slot] = key;
        r.bytes[slot] = (int) (be >>> 32);
        r.errors[slot] = (int) be;
        r.overlappeds[slot] = overlappeds[i];
        overlappeds[i] = null;
        HEAD.setRelease(this, h + 1); // the slot is free for producers
        return key;
    }

    /** Under the take lock. Moves the head packet into {@code e}; returns its key. */
    long removeInto(CompletionEntry e) {
        int h = head;
        int i = h & mask;
        long key = words[i << 1];
        long be = words[(i << 1) + 1];
        e.set(key, (int) (be >>> 32), overlappeds[i], (int) be);
        overlappeds[i] = null;
        HEAD.setRelease(this, h + 1);
        return key;
    }

    /** Under both locks. */
    void clear() {
        int h = head;
        for (int c = tail.count; h != c; h++) {
            OverlappedRelease.packetGone(overlappeds[h & mask]); // R38: it will never be dequeued
            overlappeds[h & mask] = null;
        }
        countSeen = h;
        HEAD.setRelease(this, h);
    }

    /** Under both locks. */
    private void grow() {
        long[] w = words;
        Object[] o = overlappeds;
        int n = mask + 1;
        int h = head;
        int size = tail.count - h;
        install(n << 1);
        for (int j = 0; j < size; j++) {
            int i = (h + j) & (n - 1);
            words[j << 1] = w[i << 1];
            words[(j << 1) + 1] = w[(i << 1) + 1];
            overlappeds[j] = o[i];
        }
        HEAD.setRelease(this, 0);
        tail.headSeen = 0;
        countSeen = size;
        tail.count = size;
    }
}
