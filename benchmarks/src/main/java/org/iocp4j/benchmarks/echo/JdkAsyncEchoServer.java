package org.iocp4j.benchmarks.echo;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.AsynchronousChannelGroup;
import java.nio.channels.AsynchronousServerSocketChannel;
import java.nio.channels.AsynchronousSocketChannel;
import java.nio.channels.CompletionHandler;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;

/**
 * The JDK peer of the echo benchmark: NIO.2 asynchronous channels on an
 * AsynchronousChannelGroup with a fixed pool of {@code threads} threads, which on Linux is the
 * JDK's own completion emulation over epoll. One accept outstanding (the JDK allows no more),
 * and per connection: read into a direct buffer, write it all back, read again.
 *
 * <p>{@code java ... JdkAsyncEchoServer [port [threads]]}; prints {@code listening on port N}.
 */
public final class JdkAsyncEchoServer {
    private static final int BUFFER = 16 * 1024;

    private JdkAsyncEchoServer() {}

    /** One connection; one operation in flight at a time. */
    private static final class Conn implements CompletionHandler<Integer, Void> {
        private final AsynchronousSocketChannel channel;
        private final ByteBuffer buffer = ByteBuffer.allocateDirect(BUFFER);
        private boolean writing;

        Conn(AsynchronousSocketChannel channel) {
            this.channel = channel;
        }

        void read() {
            writing = false;
            buffer.clear();
            channel.read(buffer, null, this);
        }

        @Override
        public void completed(Integer n, Void unused) {
            if (writing) {
                if (buffer.hasRemaining()) {
                    channel.write(buffer, null, this);
                } else {
                    read();
                }
            } else if (n < 0) {
                close();
            } else {
                buffer.flip();
                writing = true;
                channel.write(buffer, null, this);
            }
        }

        @Override
        public void failed(Throwable e, Void unused) {
            close();
        }

        private void close() {
            try {
                channel.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
    }

    public static void main(String[] args) throws Exception {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 0;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        AsynchronousChannelGroup group = AsynchronousChannelGroup.withFixedThreadPool(threads,
                Executors.defaultThreadFactory());
        AsynchronousServerSocketChannel listener = AsynchronousServerSocketChannel.open(group)
                .bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1024);
        listener.accept(null, new CompletionHandler<AsynchronousSocketChannel, Void>() {
            @Override
            public void completed(AsynchronousSocketChannel ch, Void unused) {
                listener.accept(null, this);
                try {
                    ch.setOption(StandardSocketOptions.TCP_NODELAY, true);
                } catch (IOException e) {
                    // echo anyway
                }
                new Conn(ch).read();
            }

            @Override
            public void failed(Throwable e, Void unused) {
                if (listener.isOpen()) {
                    listener.accept(null, this);
                }
            }
        });
        ServerProcess.announce("jdk", ((InetSocketAddress) listener.getLocalAddress()).getPort(), threads);
        new CountDownLatch(1).await(); // until the process is stopped
    }
}
