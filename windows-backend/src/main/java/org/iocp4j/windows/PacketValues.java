package org.iocp4j.windows;

import java.util.Arrays;

/**
 * Maps the Java objects posted as "overlapped" to the pointer-sized value a kernel packet carries,
 * and back, without a lookup that can miss: the value of object {@code o} in slot {@code i} is
 * {@code (i << 1) | 1}. It is odd, so it can never be the address of an OVERLAPPED (8-aligned),
 * and it indexes its slot directly. Null is the value 0 (R16: a NULL overlapped comes back NULL).
 *
 * <p>A slot is freed when its packet is dequeued ({@link #take}), when its post fails
 * ({@link #take} too), or when the port is closed with the packet still queued ({@link #clear}):
 * nothing leaks. Thread-safe; guarded by this object's monitor. No allocation once grown.
 */
final class PacketValues {
    /**
     * The value of a wake packet, posted by a closing port for callers no APC could reach: even,
     * so never a posted object's, and never an OVERLAPPED block's address (blocks are heap
     * memory, far above it).
     */
    static final long WAKE = 2;

    private Object[] objects = new Object[16];
    /** Free slot indices, a stack. */
    private int[] free = new int[16];
    private int freeCount;
    /** Slots below this were used at least once. */
    private int used;
    private int inUse;

    /** The value that stands for {@code o} in a packet until {@link #take} frees it. */
    synchronized long toValue(Object o) {
        if (o == null) {
            return 0;
        }
        int slot;
        if (freeCount > 0) {
            slot = free[--freeCount];
        } else {
            if (used == objects.length) {
                objects = Arrays.copyOf(objects, used * 2);
                free = Arrays.copyOf(free, used * 2);
            }
            slot = used++;
        }
        objects[slot] = o;
        inUse++;
        return ((long) slot << 1) | 1;
    }

    /** True for the values {@link #toValue} makes (0 and the odd ones). */
    static boolean isOurs(long value) {
        return value == 0 || (value & 1) == 1;
    }

    /**
     * The object {@code value} stands for, freeing its slot; null for 0.
     *
     * @throws IllegalStateException if the value is not one this table holds (a bug: a value
     *     taken twice, or not made here)
     */
    synchronized Object take(long value) {
        if (value == 0) {
            return null;
        }
        long slot = value >>> 1;
        if ((value & 1) == 0 || slot >= used || objects[(int) slot] == null) {
            throw new IllegalStateException("packet value 0x" + Long.toHexString(value)
                    + " is not held by this port's slot table");
        }
        int i = (int) slot;
        Object o = objects[i];
        objects[i] = null;
        free[freeCount++] = i;
        inUse--;
        return o;
    }

    /** Frees every slot (the port closed: its queued packets are gone, R38); returns how many. */
    synchronized int clear() {
        int n = inUse;
        Arrays.fill(objects, 0, used, null);
        for (int i = 0; i < used; i++) {
            free[i] = used - 1 - i;
        }
        freeCount = used;
        inUse = 0;
        return n;
    }

    /** Slots holding an object: packets posted and not yet dequeued. */
    synchronized int inUse() {
        return inUse;
    }
}
