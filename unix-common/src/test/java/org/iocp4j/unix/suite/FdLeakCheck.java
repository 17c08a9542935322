package org.iocp4j.unix.suite;

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
 * Counts this process's open descriptors (/proc/self/fd, or /dev/fd on macOS) before and after a test class: every
 * socket, listening socket and file the class opened must be closed again. The loops' own
 * descriptors (epoll, eventfd, timerfd) are made before the first count. Sockets are closed on
 * their loop just after close() returns, so each count first drains the loops.
 */
final class FdLeakCheck implements BeforeAllCallback, AfterAllCallback {
    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(FdLeakCheck.class);

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        IoBackendUnderTest backend = backendOf(context);
        warmUp(backend);
        backend.drainPollers(); // the warm-up's own fd is closed now
        context.getStore(NS).put("fds", openFds());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        long before = context.getStore(NS).get("fds", Long.class);
        backendOf(context).drainPollers();
        await("descriptors back to " + before).atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(5))
                .until(() -> openFds() <= before);
    }

    /**
     * Starts the loop group, and the JDK's lazily opened descriptors (its socket dispatcher keeps
     * one for closing sockets), so they are in the baseline.
     */
    static void warmUp(IoBackendUnderTest backend) throws IOException {
        InetAddress lo = InetAddress.getLoopbackAddress();
        try (CompletionPort p = backend.open(PortOptions.withConcurrency(1));
                var l = p.io().openServerSocket();
                ServerSocket jdk = new ServerSocket(0, 1, lo);
                Socket a = new Socket(lo, jdk.getLocalPort());
                Socket b = jdk.accept()) {
            l.bind(new InetSocketAddress(lo, 0), 1);
            a.setTcpNoDelay(true);
            b.setTcpNoDelay(true);
        }
    }

    private static IoBackendUnderTest backendOf(ExtensionContext context) {
        return ((IoSuiteSupport) context.getRequiredTestInstance()).backend(); // PER_CLASS: one instance
    }

    static long openFds() {
        Path dir = Files.isDirectory(Path.of("/proc/self/fd")) ? Path.of("/proc/self/fd") : Path.of("/dev/fd");
        try (Stream<Path> s = Files.list(dir)) {
            return s.count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
