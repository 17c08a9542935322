package org.iocp4j.benchmarks;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.LinkedTransferQueue;

/** The JDK queues the port is compared with, by name. */
final class Queues {
    private Queues() {}

    /**
     * A new queue: ArrayBlockingQueue holds {@link Backlog#WINDOW} items (non-fair, its default),
     * the linked ones are unbounded.
     *
     * @throws IllegalArgumentException for any other name
     */
    static BlockingQueue<Object> create(String name) {
        return switch (name) {
            case "ArrayBlockingQueue" -> new ArrayBlockingQueue<>(Backlog.WINDOW);
            case "LinkedBlockingQueue" -> new LinkedBlockingQueue<>();
            case "LinkedTransferQueue" -> new LinkedTransferQueue<>();
            default -> throw new IllegalArgumentException("queue must be ArrayBlockingQueue, LinkedBlockingQueue or "
                    + "LinkedTransferQueue, got " + name);
        };
    }
}
