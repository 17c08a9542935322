package org.iocp4j.windows;

import com.sun.jna.Native;
import com.sun.jna.Pointer;
import java.nio.ByteBuffer;

/**
 * Native memory by address: {@code malloc}/{@code free} whose lifetime this backend decides (never
 * the garbage collector, since the kernel writes into it until an operation's packet arrives), and
 * reads and writes at absolute addresses without allocating.
 */
final class NativeMemory {
    /** A pointer at address 0: its offsets are absolute addresses. */
    private static final Pointer ABSOLUTE = new Pointer(0);

    private NativeMemory() {}

    /** {@code size} zeroed bytes; 16-byte aligned (the C runtime's malloc on x64). */
    static long allocate(long size) {
        long address = Native.malloc(size);
        if (address == 0) {
            throw new OutOfMemoryError("malloc(" + size + ") failed: no native memory for an overlapped operation");
        }
        ABSOLUTE.setMemory(address, size, (byte) 0);
        return address;
    }

    static void free(long address) {
        Native.free(address);
    }

    static long getLong(long address) {
        return ABSOLUTE.getLong(address);
    }

    static void putLong(long address, long value) {
        ABSOLUTE.setLong(address, value);
    }

    static int getInt(long address) {
        return ABSOLUTE.getInt(address);
    }

    static void putInt(long address, int value) {
        ABSOLUTE.setInt(address, value);
    }

    static byte getByte(long address) {
        return ABSOLUTE.getByte(address);
    }

    static void putByte(long address, byte value) {
        ABSOLUTE.setByte(address, value);
    }

    /** A direct buffer over {@code length} bytes at {@code address}, for bulk copies. */
    static ByteBuffer view(long address, int length) {
        return ABSOLUTE.getByteBuffer(address, length);
    }

    /** The address of a direct buffer's first byte (not its position). */
    static long addressOf(ByteBuffer direct) {
        return Pointer.nativeValue(Native.getDirectBufferPointer(direct));
    }

    /** A NUL-terminated UTF-16 copy of {@code s}, to {@link #free} after the call. */
    static long wideString(String s) {
        long address = allocate(2L * s.length() + 2);
        ABSOLUTE.setWideString(address, s);
        return address;
    }
}
