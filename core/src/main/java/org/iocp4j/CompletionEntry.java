package org.iocp4j;

/**
 * A reusable holder that a dequeue fills with one packet: the OVERLAPPED_ENTRY of Windows.
 *
 * <p>Allocate one per worker thread and pass it to every {@link CompletionPort#dequeue} call; it is
 * not thread-safe. When a dequeue removes no packet, {@link #overlapped()} becomes null and
 * {@link #key()} and {@link #bytes()} keep their previous values, as GetQueuedCompletionStatus
 * leaves its out-parameters untouched (R40).
 */
public final class CompletionEntry {
    private long key;
    private int bytes;
    private Object overlapped;
    private int error;
    private boolean packet;

    /** An empty entry. */
    public CompletionEntry() {
        // fields start empty
    }

    /** The completion key the handle was associated with, or the key given to post (R16). */
    public long key() {
        return key;
    }

    /** Bytes transferred (an unsigned DWORD on Windows), or the value given to post. */
    public int bytes() {
        return bytes;
    }

    /** The operation's {@code Overlapped} or the object given to post; may be null (R16). */
    public Object overlapped() {
        return overlapped;
    }

    /** The Win32 error of the packet: 0 for success and for every posted packet (R16). */
    public int error() {
        return error;
    }

    /** True when the last dequeue into this entry removed a packet. */
    public boolean hasPacket() {
        return packet;
    }

    /** Fills the entry with a packet; backends call this. */
    public void set(long key, int bytes, Object overlapped, int error) {
        this.key = key;
        this.bytes = bytes;
        this.overlapped = overlapped;
        this.error = error;
        this.packet = true;
    }

    /** Marks "no packet": overlapped becomes null, key and bytes stay as they were (R40). */
    public void clearPacket() {
        this.overlapped = null;
        this.packet = false;
    }

    @Override
    public String toString() {
        return packet
                ? "CompletionEntry[key=" + key + ", bytes=" + Integer.toUnsignedString(bytes)
                        + ", overlapped=" + overlapped + ", error=" + Win32Error.describe(error) + "]"
                : "CompletionEntry[no packet]";
    }
}
