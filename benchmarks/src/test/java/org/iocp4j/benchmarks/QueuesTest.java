package org.iocp4j.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.ArrayBlockingQueue;
import org.junit.jupiter.api.Test;

class QueuesTest {

    @Test
    void arrayBlockingQueueHoldsTheBacklogWindow() {
        assertEquals(Backlog.WINDOW, ((ArrayBlockingQueue<Object>) Queues.create("ArrayBlockingQueue")).remainingCapacity());
    }

    @Test
    void unknownNameSaysWhatIsKnown() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Queues.create("Deque"));
        assertTrue(e.getMessage().contains("LinkedTransferQueue") && e.getMessage().contains("Deque"), e.getMessage());
    }
}
