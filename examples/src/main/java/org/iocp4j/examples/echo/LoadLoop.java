package org.iocp4j.examples.echo;

import java.io.EOFException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One thread of the load client: a JDK selector over its share of the connections, each in a
 * closed loop (send a message, wait for all of its echo, check it, send the next). The message
 * starts with its sequence number, so a stale or repeated echo is caught, not counted.
 */
final class LoadLoop {
    /** A connection with no echo for this long fails the run. */
    private static final long STALL_NANOS = TimeUnit.SECONDS.toNanos(10);

    private final class Conn {
        final int id;
        final SocketChannel channel;
        final ByteBuffer out;
        final ByteBuffer in;
        SelectionKey key;
        long sentAt;
        long sequence;

        Conn(int id, SocketChannel channel) {
            this.id = id;
            this.channel = channel;
            this.out = ByteBuffer.allocateDirect(size);
            this.in = ByteBuffer.allocateDirect(size);
            for (int i = 0; i < size; i++) {
                out.put(i, (byte) (id * 31 + i * 7));
            }
        }
    }

    private final int size;
    private final Selector selector;
    private final List<Conn> conns = new ArrayList<>();
    final LatencyHistogram latencies = new LatencyHistogram();
    long bytesSent;
    long bytesEchoed;
    private int active;
    private long measureFrom;
    private long measureUntil;

    LoadLoop(int size) throws IOException {
        this.size = size;
        this.selector = Selector.open();
    }

    /** Connects one more connection (blocking), then makes it non-blocking. */
    void connect(InetSocketAddress server, int id) throws IOException {
        SocketChannel ch;
        try {
            ch = SocketChannel.open(server);
        } catch (IOException e) { // the server's backlog, its descriptors, or this host's ephemeral ports ran out
            throw new IOException("connection " + (id + 1) + " to " + server + " failed (" + e.getMessage() + "): is"
                    + " --connections more than the server or this machine's ephemeral port range can take?", e);
        }
        ch.setOption(StandardSocketOptions.TCP_NODELAY, true);
        ch.configureBlocking(false);
        Conn c = new Conn(id, ch);
        c.key = ch.register(selector, SelectionKey.OP_READ, c);
        conns.add(c);
    }

    /**
     * Runs every connection until its first echo that arrives at or after {@code until}; records
     * latencies and counts messages whose echo arrived in [{@code from}, {@code until}).
     */
    void run(long from, long until) throws IOException {
        measureFrom = from;
        measureUntil = until;
        active = conns.size();
        for (Conn c : conns) {
            send(c, System.nanoTime());
        }
        while (active > 0) {
            if (selector.select(TimeUnit.NANOSECONDS.toMillis(STALL_NANOS)) == 0) {
                checkStalls();
                continue;
            }
            for (SelectionKey k : selector.selectedKeys()) {
                Conn c = (Conn) k.attachment();
                if (k.isValid() && k.isWritable()) {
                    flush(c);
                }
                if (k.isValid() && k.isReadable()) {
                    receive(c);
                }
            }
            selector.selectedKeys().clear();
        }
    }

    private void send(Conn c, long now) throws IOException {
        c.sequence++;
        if (size >= Long.BYTES) {
            c.out.putLong(0, c.sequence);
        }
        c.out.clear();
        c.in.clear();
        c.sentAt = now;
        flush(c);
    }

    private void flush(Conn c) throws IOException {
        bytesSent += c.channel.write(c.out);
        c.key.interestOps(c.out.hasRemaining() ? SelectionKey.OP_READ | SelectionKey.OP_WRITE : SelectionKey.OP_READ);
    }

    private void receive(Conn c) throws IOException {
        int n = c.channel.read(c.in);
        if (n < 0) {
            throw new EOFException("connection " + c.id + ": the server closed it during message " + c.sequence);
        }
        if (c.in.hasRemaining()) {
            return; // more of the echo to come
        }
        long now = System.nanoTime();
        int at = c.in.flip().mismatch(c.out.duplicate().clear());
        if (at >= 0) {
            throw new IOException("connection " + c.id + " message " + c.sequence + ": the echo differs at byte " + at);
        }
        bytesEchoed += size;
        if (now >= measureFrom && now < measureUntil) {
            latencies.record(now - c.sentAt);
        }
        if (now >= measureUntil) {
            c.key.cancel();
            active--;
        } else {
            send(c, now);
        }
    }

    private void checkStalls() throws IOException {
        long now = System.nanoTime();
        for (Conn c : conns) {
            if (c.key.isValid() && now - c.sentAt >= STALL_NANOS) {
                throw new IOException("connection " + c.id + ": no echo of message " + c.sequence + " for "
                        + TimeUnit.NANOSECONDS.toSeconds(now - c.sentAt) + " s");
            }
        }
    }

    /** Closes every connection and the selector. */
    void close() {
        for (Conn c : conns) {
            try {
                c.channel.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
        try {
            selector.close();
        } catch (IOException e) {
            // closing anyway
        }
    }
}
