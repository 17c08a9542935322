package org.iocp4j;

import static java.util.concurrent.TimeUnit.MILLISECONDS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** A port of the I/O-less "java" backend says, when asked for I/O, which backends are here and why. */
class NoIoBackendTest {
    @Test
    void ioOnTheJavaBackendNamesTheBackendsPresent() {
        try (CompletionPort port = CompletionPorts.open("java", PortOptions.withConcurrency(1))) {
            UnsupportedOperationException x = assertThrows(UnsupportedOperationException.class, port::io);
            String m = x.getMessage();
            assertTrue(m.startsWith("backend 'java' has no I/O"), m);
            assertTrue(m.contains("add its module"), m);
            assertTrue(m.endsWith("Backends here: java (available)"), m); // core alone: no I/O backend
            assertEquals(DequeueStatus.TIMEOUT, port.dequeue(new CompletionEntry(), 0, MILLISECONDS),
                    "the port itself still works");
        }
    }
}
