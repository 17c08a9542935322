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

    @Test
    void r29_aWaiterBehindADeadActiveThreadGetsTheQueuedPacket() throws Exception {
        try (CompletionPort port = CompletionPorts.open(1)) {
            port.post(1, 1, null);
            port.post(2, 2, null);
            Thread a = new Thread(() -> port.dequeue(new CompletionEntry(), 0, TimeUnit.MILLISECONDS));
            a.start();
            a.join(); // a took #1 and died while counted active
            CompletionEntry e = new CompletionEntry();
            assertEquals(DequeueStatus.COMPLETED, port.dequeue(e, 30, TimeUnit.SECONDS));
            assertEquals(2, e.key());
        }
    }

    @Test
    void dequeueEventReportsTheThreadAsAlreadyActive() {
        java.util.List<String> seen = new java.util.ArrayList<>();
        PortOptions o = PortOptions.builder().concurrency(1)
                .listener((ev, t, key, active, queued) -> seen.add(ev + ":" + active + "/" + queued)).build();
        try (CompletionPort port = CompletionPorts.open("java", o)) {
            port.post(1, 1, null);
            port.dequeue(new CompletionEntry(), 0, TimeUnit.MILLISECONDS);
        }
        assertEquals(java.util.List.of("QUEUE:0/1", "ASSOCIATE:0/1", "DEQUEUE:1/0", "CLOSE:0/0"), seen);
    }
}
