package org.iocp4j.epoll;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.netty.channel.IoEvent;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.IoRegistration;
import io.netty.channel.epoll.EpollIoHandle;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.unix.FileDescriptor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.iocp4j.CompletionEntry;
import org.iocp4j.CompletionPort;
import org.iocp4j.DequeueStatus;
import org.iocp4j.PortOptions;
import org.iocp4j.Win32Error;
import org.iocp4j.internal.EmulatedCompletionPort;
import org.iocp4j.internal.EmulatedPortProvider;
import org.iocp4j.internal.RealSeam;
import org.iocp4j.internal.io.EmulatedIoHandle;
import org.iocp4j.io.AsyncSocket;
import org.iocp4j.io.Overlapped;
import org.iocp4j.unix.FdWatch;
import org.iocp4j.unix.Poller;
import org.iocp4j.unix.UnixBackend;
import org.junit.jupiter.api.Test;

/**
 * A socket whose fd the poller cannot watch (epoll_ctl refusing it, say ENOMEM) is closed rather
 * than left deaf: its pending operation completes with its close error (R71), its fd is closed, and
 * later calls meet a closed handle.
 */
class UnwatchableFdTest {

    /** Epoll readiness whose every registration fails after it was made, as a refused epoll_ctl would. */
    private static final class RefusingBackend extends UnixBackend {
        RefusingBackend() {
            super("epoll-refusing");
        }

        @Override
        protected IoHandlerFactory newHandlerFactory() {
            return EpollIoHandler.newFactory();
        }

        @Override
        protected FdWatch newWatch(FileDescriptor fd, EmulatedIoHandle owner, Poller poller) {
            return new RefusedWatch(fd, owner, poller);
        }
    }

    private static final class RefusedWatch extends FdWatch implements EpollIoHandle {
        RefusedWatch(FileDescriptor fd, EmulatedIoHandle owner, Poller poller) {
            super(fd, owner, poller);
        }

        @Override
        protected void watchBothDirections(IoRegistration registration) {
            throw new IllegalStateException("epoll_ctl refused the fd (this test's doing)");
        }

        @Override
        public void handle(IoRegistration registration, IoEvent event) {
            throw new AssertionError("an fd whose registration failed reported an event");
        }
    }

    @Test
    void r71_aSocketWhoseFdCannotBeWatchedIsClosedAndItsConnectAborted() throws Exception {
        RefusingBackend backend = new RefusingBackend();
        InetAddress lo = InetAddress.getLoopbackAddress();
        try (CompletionPort port = new EmulatedCompletionPort(backend.name(), EmulatedPortProvider.CAPABILITIES,
                PortOptions.withConcurrency(1), RealSeam.INSTANCE, backend::ioFor);
                ServerSocket peer = new ServerSocket(0, 1, lo)) {
            AsyncSocket s = port.io().openSocket();
            backend.drainPollers(); // the poller's own fds (epoll, eventfd, timerfd) exist now
            long fdsBefore = openFds();
            s.associate(port, 7);
            Overlapped connect = new Overlapped();
            int answer = s.connect(new InetSocketAddress(lo, peer.getLocalPort()), connect);

            CompletionEntry e = new CompletionEntry();
            assertNotEquals(DequeueStatus.TIMEOUT, port.dequeue(e, 10, TimeUnit.SECONDS),
                    "the connect's packet never came: the socket was left unwatched with it pending");
            assertEquals(connect, e.overlapped());
            assertEquals(7, e.key());
            if (answer == Win32Error.ERROR_IO_PENDING) { // the usual case: closed with the connect pending
                assertEquals(Win32Error.describe(Win32Error.ERROR_OPERATION_ABORTED), Win32Error.describe(e.error()));
            } else {
                assertEquals(Win32Error.ERROR_SUCCESS, answer, () -> Win32Error.describe(answer));
            }
            assertFalse(connect.isInFlight());

            Overlapped read = new Overlapped();
            await("the socket closed").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(5))
                    .until(() -> s.read(ByteBuffer.allocateDirect(8), read) == Win32Error.ERROR_INVALID_HANDLE);
            assertThrows(IllegalStateException.class, () -> s.associate(port, 8), "associating a closed socket");
            backend.drainPollers();
            await("the unwatchable fd closed").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(5))
                    .until(() -> openFds() <= fdsBefore);
            assertEquals(DequeueStatus.TIMEOUT, port.dequeue(new CompletionEntry(), 0, TimeUnit.SECONDS),
                    "no packet beyond the connect's");
        }
    }

    private static long openFds() {
        try (Stream<Path> s = Files.list(Path.of("/proc/self/fd"))) {
            return s.count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
