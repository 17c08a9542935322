package org.iocp4j.examples.echo;

import java.nio.ByteBuffer;
import org.iocp4j.Win32Error;
import org.iocp4j.io.AsyncSocket;
import org.iocp4j.io.Overlapped;

/**
 * One connection of the echo server, from the accept that fills it to its close: accepted, then
 * read, write back what was read, read again. It has one operation in flight at a time, so one
 * Overlapped (carrying this connection as its attachment, as a C server embeds OVERLAPPED in its
 * per-I/O struct) and one direct buffer, which the kernel reads into and sends from without a
 * copy.
 *
 * <p>Threading: whichever worker dequeues the packet of the operation in flight runs
 * {@link #completed}; the port's happens-before (post, then dequeue) makes the previous worker's
 * writes visible, so the state needs no lock.
 */
final class EchoConnection {
    private enum State { ACCEPTING, READING, WRITING, CLOSED }

    /** Operations completed at once that one dequeue handles before the connection yields its worker. */
    static final int INLINE_LIMIT = 16;

    private final EchoServer server;
    private final AsyncSocket socket;
    private final Overlapped overlapped = new Overlapped(this);
    private ByteBuffer buffer;
    private State state = State.ACCEPTING;
    private boolean connected;

    EchoConnection(EchoServer server, AsyncSocket socket) {
        this.server = server;
        this.socket = socket;
    }

    AsyncSocket socket() {
        return socket;
    }

    Overlapped overlapped() {
        return overlapped;
    }

    /**
     * The operation in flight completed with {@code bytes} and {@code error} (its packet was
     * dequeued): issue the next one. An operation that completes at once is handled here too,
     * in a loop: the socket skips the packet of a synchronous success (R56), so no packet would
     * come for it. After {@link #INLINE_LIMIT} such rounds the connection posts its next step to
     * the port and lets the worker go, so a client that keeps its socket busy (streaming while
     * it reads) cannot hold a worker while other connections' packets wait.
     */
    void completed(int bytes, int error) {
        for (int round = 1; ; round++) {
            int issued = next(bytes, error);
            if (issued == Win32Error.ERROR_IO_PENDING || state == State.CLOSED) {
                return; // its packet will come
            }
            if (issued != Win32Error.ERROR_SUCCESS) {
                close(); // failed at once: no packet comes (R52)
                return;
            }
            bytes = overlapped.bytesTransferred(); // done at once, no packet (R56): go on here
            error = 0;
            if (round == INLINE_LIMIT) {
                server.requeue(bytes, overlapped); // to the back of the port's FIFO (R14)
                return;
            }
        }
    }

    /** Issues the operation that follows the one that completed; the Win32 answer, or SUCCESS once closed. */
    private int next(int bytes, int error) {
        switch (state) {
            case ACCEPTING -> {
                server.acceptCompleted(); // keep the accepts outstanding first
                if (error != 0) {
                    close(); // the listener closed, or the socket did
                    return Win32Error.ERROR_SUCCESS;
                }
                connected = true;
                server.connected();
                buffer = ByteBuffer.allocateDirect(server.bufferSize()); // out of direct memory: the worker closes it
                return read();
            }
            case READING -> {
                if (error != 0 || bytes == 0) {
                    close(); // the peer reset or closed its side
                    return Win32Error.ERROR_SUCCESS;
                }
                buffer.flip(); // echo what arrived, however much
                state = State.WRITING;
                return socket.write(buffer, overlapped);
            }
            case WRITING -> {
                if (error != 0) {
                    close();
                    return Win32Error.ERROR_SUCCESS;
                }
                return read();
            }
            default -> {
                return Win32Error.ERROR_SUCCESS; // a late packet of a closed connection
            }
        }
    }

    private int read() {
        buffer.clear();
        state = State.READING;
        return socket.read(buffer, overlapped);
    }

    /** Closes the socket; a pending operation completes with its close error (R71) and lands in {@link #next}. */
    void close() {
        if (state == State.CLOSED) {
            return;
        }
        state = State.CLOSED;
        socket.close();
        server.closed(this, connected);
    }
}
