package org.iocp4j;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class EngineSmokeTest {
    @Test
    void r16_postedPacketComesBackVerbatim() {
        try (CompletionPort port = CompletionPorts.open(1)) {
            Object ov = new Object();
            port.post(7, 42, ov);
            CompletionEntry e = new CompletionEntry();
            assertEquals(DequeueStatus.COMPLETED, port.dequeue(e, 0, TimeUnit.MILLISECONDS));
            assertEquals(7, e.key());
            assertEquals(42, e.bytes());
            assertEquals(ov, e.overlapped());
            assertEquals(DequeueStatus.TIMEOUT, port.dequeue(e, 0, TimeUnit.MILLISECONDS));
        }
    }

    @Test
    void r15_waiterIsHandedThePacket() throws Exception {
        try (CompletionPort port = CompletionPorts.open(1)) {
            AtomicReference<DequeueStatus> got = new AtomicReference<>();
            Thread t = new Thread(() -> got.set(port.dequeue(new CompletionEntry(), 10, TimeUnit.SECONDS)));
            t.start();
            await().until(() -> port.stats().waitingThreads() == 1);
            port.post(1, 1, null);
            t.join();
            assertEquals(DequeueStatus.COMPLETED, got.get());
        }
    }
}
