package org.iocp4j.windows;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import java.lang.ref.Cleaner;

/**
 * What the windows backend keeps per thread: native memory for GetQueuedCompletionStatusEx (the
 * removed count and the OVERLAPPED_ENTRY array), the decoded batch, a thread handle that
 * QueueUserAPC can use to wake the thread when a port closes, and the links of a port's list of
 * threads inside a dequeue (guarded by that port's lock). Allocation-free once grown. The thread
 * handle is closed when the thread and this record are collected.
 */
final class WindowsThread {
    /** sizeof(OVERLAPPED_ENTRY) on x64: key, overlapped, Internal (8 each), bytes (4), padding. */
    static final int ENTRY_SIZE = 32;
    /** The most entries one GetQueuedCompletionStatusEx call takes (R47 allows fewer than asked). */
    static final int MAX_BATCH = 1024;

    private static final ThreadLocal<WindowsThread> CURRENT = ThreadLocal.withInitial(WindowsThread::new);
    private static final Cleaner CLEANER = Cleaner.create();

    final Thread thread = Thread.currentThread();
    /** THREAD_SET_CONTEXT access, for QueueUserAPC; 0 if OpenThread failed (see {@link #handleError}). */
    final long handle;
    final int handleError;
    private final Batch primary = new Batch();
    /** Handlers of a poll running on this thread; a nested dequeue then uses its own batch. */
    int delivering;

    /** Links in the caller list of the port this thread is removing from. Guarded by that port's lock. */
    WindowsThread prev;
    WindowsThread next;

    private WindowsThread() {
        long h = Kernel32.OpenThread(Kernel32.THREAD_SET_CONTEXT, 0, Kernel32.GetCurrentThreadId());
        handleError = h == 0 ? Kernel32.lastError() : 0;
        handle = h;
        if (h != 0) {
            CLEANER.register(this, () -> Kernel32.CloseHandle(h));
        }
    }

    static WindowsThread current() {
        return CURRENT.get();
    }

    /** Tests: this thread's APCs fail, as when OpenThread or QueueUserAPC is refused. */
    volatile boolean apcRefusedForTests;

    /** Queues a no-op APC, which ends this thread's alertable wait; 0, or the Win32 error why it cannot. */
    int wakeByApc() {
        if (apcRefusedForTests) {
            return org.iocp4j.Win32Error.ERROR_ACCESS_DENIED;
        }
        if (handle == 0) {
            return handleError;
        }
        return Kernel32.QueueUserAPC(Kernel32.NO_OP_APC, handle, 0) != 0 ? 0 : Kernel32.lastError();
    }

    /** The batch a call on this thread may fill: the thread's own, or a fresh one when nested. */
    Batch batch() {
        return delivering == 0 ? primary : new Batch();
    }

    /** Native scratch and the decoded entries of one removal. */
    static final class Batch {
        private Memory memory;
        private int capacity;
        long removedAddress;
        long entriesAddress;
        long[] keys;
        int[] bytes;
        Object[] objects;
        int[] errors;
        /** An entry of the last removal that could not be decoded, to throw after the others; or null. */
        RuntimeException failure;
        /** How many wake packets of a closing port the last removal took (to be passed on). */
        int wakes;

        Batch() {
            grow(1);
        }

        /** Makes room for {@code wanted} entries (at most {@link #MAX_BATCH}); returns the room. */
        int ensure(int wanted) {
            int n = Math.min(wanted, MAX_BATCH);
            if (n > capacity) {
                grow(Math.max(n, Math.min(MAX_BATCH, capacity * 2)));
            }
            return n;
        }

        private void grow(int n) {
            if (memory != null) {
                memory.close();
            }
            memory = new Memory(8 + (long) n * ENTRY_SIZE);
            memory.clear();
            removedAddress = Pointer.nativeValue(memory);
            entriesAddress = removedAddress + 8;
            capacity = n;
            keys = new long[n];
            bytes = new int[n];
            objects = new Object[n];
            errors = new int[n];
        }

        int removedCount() {
            return memory.getInt(0);
        }

        /** Reads entry {@code entry}; returns its packet value, storing key, bytes and error at {@code i}. */
        long read(int entry, int i) {
            long off = 8 + (long) entry * ENTRY_SIZE;
            keys[i] = memory.getLong(off);
            long value = memory.getLong(off + 8);
            int status = (int) memory.getLong(off + 16);
            bytes[i] = memory.getInt(off + 24);
            // GQCS returns TRUE for status >= 0, FALSE with RtlNtStatusToDosError otherwise (spec 1.10)
            errors[i] = status >= 0 ? 0 : Ntdll.RtlNtStatusToDosError(status);
            return value;
        }

        /** A ULONG out-parameter, e.g. NtQueryIoCompletion's depth; shares the removed-count word. */
        long wordAddress() {
            return removedAddress;
        }
    }
}
