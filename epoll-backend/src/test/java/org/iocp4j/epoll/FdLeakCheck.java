package org.iocp4j.epoll;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.iocp4j.CompletionPort;
import org.iocp4j.PortOptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Counts this process's open descriptors (/proc/self/fd) before and after a test class: every
 * socket, listening socket and file the class opened must be closed again. The loops' own
 * descriptors (epoll, eventfd, timerfd) are made before the first count. Sockets are closed on
 * their loop just after close() returns, so each count first drains the loops.
 */
final class FdLeakCheck implements BeforeAllCallback, AfterAllCallback {
    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(FdLeakCheck.class);

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        warmUp();
        EpollReadiness.INSTANCE.drainLoops(); // the warm-up's own fd is closed now
        context.getStore(NS).put("fds", openFds());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        long before = context.getStore(NS).get("fds", Long.class);
        EpollReadiness.INSTANCE.drainLoops();
        await("descriptors back to " + before).atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(5))
                .until(() -> openFds() <= before);
    }

    /**
     * Starts the loop group, and the JDK's lazily opened descriptors (its socket dispatcher keeps
     * one for closing sockets), so they are in the baseline.
     */
    private static void warmUp() throws IOException {
        InetAddress lo = InetAddress.getLoopbackAddress();
        try (CompletionPort p = EpollBackend.open(PortOptions.withConcurrency(1));
                var l = p.io().openServerSocket();
                ServerSocket jdk = new ServerSocket(0, 1, lo);
                Socket a = new Socket(lo, jdk.getLocalPort());
                Socket b = jdk.accept()) {
            l.bind(new InetSocketAddress(lo, 0), 1);
            a.setTcpNoDelay(true);
            b.setTcpNoDelay(true);
        }
    }

    static long openFds() {
        try (Stream<Path> s = Files.list(Path.of("/proc/self/fd"))) {
            return s.count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
