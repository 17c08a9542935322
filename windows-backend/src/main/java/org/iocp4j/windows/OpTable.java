package org.iocp4j.windows;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Every live overlapped operation of the JVM, by slot: the slot index written after an
 * OVERLAPPED maps a dequeued packet back to its {@link IoOp} without a search that could miss
 * (and a port of any handle can dequeue any operation's packet, after a replacement too).
 *
 * <p>It also keeps the JDK's "stale" set: operations whose packets no dequeue can ever take,
 * because their handle closed without a port or their port closed. Their blocks cannot be freed
 * at the close (the kernel still writes into them until each operation completes), so a
 * {@link #sweep} frees each once the kernel has finished with it, and completes its Overlapped.
 * A sweep runs after every operation issued, every handle closed and every port closed; it costs
 * nothing while the set is empty.
 */
final class OpTable {
    /** "iocp4jOp", little-endian: marks a live block, cleared when it is freed. */
    static final long TAG = 0x704f6a3470636f69L;

    private static IoOp[] ops = new IoOp[64];
    private static int[] free = new int[64];
    private static int freeCount;
    private static int used;
    private static int inUse;
    private static final List<IoOp> candidates = new ArrayList<>();
    /** candidates.size(), readable without the lock: a sweep with nothing stale costs one volatile read. */
    private static volatile int staleCount;

    private OpTable() {}

    /** Allocates {@code op}'s block (OVERLAPPED zeroed, Internal STATUS_PENDING) and gives it a slot. */
    static void register(IoOp op) {
        long address = NativeMemory.allocate(IoOp.AREA + (long) op.areaSize());
        int slot;
        synchronized (OpTable.class) {
            if (freeCount > 0) {
                slot = free[--freeCount];
            } else {
                if (used == ops.length) {
                    ops = Arrays.copyOf(ops, used * 2);
                    free = Arrays.copyOf(free, used * 2);
                }
                slot = used++;
            }
            ops[slot] = op;
            inUse++;
        }
        op.address = address;
        op.slot = slot;
        NativeMemory.putLong(address + IoOp.INTERNAL, IoOp.STATUS_PENDING);
        NativeMemory.putLong(address + IoOp.SLOT, slot);
        NativeMemory.putLong(address + IoOp.TAG, TAG);
    }

    /** Frees {@code op}'s block and slot: no packet for it can come any more. */
    static void release(IoOp op) {
        synchronized (OpTable.class) {
            ops[op.slot] = null;
            free[freeCount++] = op.slot;
            inUse--;
            if (op.candidate) {
                op.candidate = false;
                candidates.remove(op);
                staleCount = candidates.size();
            }
        }
        NativeMemory.putLong(op.address + IoOp.TAG, 0);
        NativeMemory.free(op.address);
        op.address = 0;
    }

    /**
     * The operation whose OVERLAPPED is at {@code address}, the value of a dequeued packet.
     *
     * @throws IllegalStateException if no live operation owns that block (a bug: the kernel only
     *     returns OVERLAPPEDs we issued, and their blocks live until their packets are taken)
     */
    static IoOp forPacket(long address) {
        long tag = NativeMemory.getLong(address + IoOp.TAG);
        long slot = NativeMemory.getLong(address + IoOp.SLOT);
        synchronized (OpTable.class) {
            IoOp op = tag == TAG && slot >= 0 && slot < used ? ops[(int) slot] : null;
            if (op == null || op.address != address) {
                throw new IllegalStateException("packet overlapped 0x" + Long.toHexString(address)
                        + " is not a live operation block (tag 0x" + Long.toHexString(tag) + ", slot " + slot + ")");
            }
            return op;
        }
    }

    /** Operations whose blocks are allocated: in flight, or waiting for their packet or a sweep. */
    static synchronized int inUse() {
        return inUse;
    }

    /** Operations in the stale set. */
    static synchronized int stale() {
        return candidates.size();
    }

    /** Lists {@code op} as perhaps unreachable; {@link #sweep} frees it once that is certain and the kernel is done. */
    static synchronized void markCandidate(IoOp op) {
        if (!op.candidate && op.address != 0) {
            op.candidate = true;
            candidates.add(op);
            staleCount = candidates.size();
        }
    }

    /** {@code port}'s handle is closed: no dequeue can take a packet of its operations any more (R38). */
    static void portClosed(WindowsCompletionPort port) {
        synchronized (OpTable.class) {
            for (int i = 0; i < used; i++) {
                IoOp op = ops[i];
                if (op != null && op.port == port && !op.candidate) {
                    op.candidate = true;
                    candidates.add(op);
                }
            }
            staleCount = candidates.size();
        }
        sweep();
    }

    /** Frees every stale operation the kernel has finished with. */
    static void sweep() {
        if (staleCount == 0) {
            return;
        }
        IoOp[] batch;
        synchronized (OpTable.class) {
            if (candidates.isEmpty()) {
                return;
            }
            batch = candidates.toArray(new IoOp[0]);
        }
        for (IoOp op : batch) {
            op.handle.sweep(op);
        }
    }
}
