package org.iocp4j;

/**
 * Receives the entries of a batch dequeue ({@link CompletionPort#poll}), one call per entry, in
 * FIFO order (R48), on the thread that called poll.
 */
@FunctionalInterface
public interface CompletionHandler {
    /**
     * One removed packet.
     *
     * @param key the completion key
     * @param bytes bytes transferred (unsigned)
     * @param overlapped the operation's context, or what was posted; may be null
     * @param error the Win32 error of the packet, 0 for success (R43, R44)
     */
    void onCompletion(long key, int bytes, Object overlapped, int error);
}
