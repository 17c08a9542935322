package org.iocp4j.internal;

import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import org.iocp4j.PortOptions;
import org.iocp4j.io.AsyncFile;
import org.iocp4j.io.AsyncServerSocket;
import org.iocp4j.io.AsyncSocket;
import org.iocp4j.io.IoFactory;
import org.junit.jupiter.api.Test;

/** The engine's io() hook: how an emulating backend with I/O hands out its handles. */
class PortIoHookTest {

    @Test
    void ioIsMadeOnceFromThePortItself() {
        AtomicReference<EmulatedCompletionPort> madeFor = new AtomicReference<>();
        IoFactory factory = new NoIo();
        try (EmulatedCompletionPort port = new EmulatedCompletionPort("test", EmulatedPortProvider.CAPABILITIES,
                PortOptions.withConcurrency(1), RealSeam.INSTANCE, p -> {
                    if (!madeFor.compareAndSet(null, p)) {
                        throw new AssertionError("made twice");
                    }
                    return factory;
                })) {
            assertSame(factory, port.io());
            assertSame(factory, port.io());
            assertSame(port, madeFor.get());
        }
    }

    @Test
    void aPortWithoutIoSaysSo() {
        try (EmulatedCompletionPort port = new EmulatedCompletionPort("java", EmulatedPortProvider.CAPABILITIES,
                PortOptions.withConcurrency(1), RealSeam.INSTANCE)) {
            assertThrows(UnsupportedOperationException.class, port::io);
        }
    }

    private static final class NoIo implements IoFactory {
        @Override
        public AsyncSocket openSocket() {
            throw new UnsupportedOperationException();
        }

        @Override
        public AsyncServerSocket openServerSocket() {
            throw new UnsupportedOperationException();
        }

        @Override
        public AsyncFile openFile(Path path, OpenOption... options) {
            throw new UnsupportedOperationException();
        }
    }
}
