package org.iocp4j.benchmarks;

import org.iocp4j.CompletionEntry;
import org.iocp4j.CompletionHandler;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/** What one benchmark thread keeps for itself: its dequeue entry, its batch handler, its pace. */
@State(Scope.Thread)
public class PerThread implements CompletionHandler {
    /** The reused entry of {@code dequeue}: CompletionEntry is per thread. */
    final CompletionEntry entry = new CompletionEntry();
    /** Items the last {@code poll} delivered to this handler. */
    int delivered;
    /** Items sent since the producer last looked at the backlog. */
    int sinceCheck;

    /** For JMH. */
    public PerThread() {
        // fields start empty
    }

    @Override
    public void onCompletion(long key, int bytes, Object overlapped, int error) {
        delivered++;
    }

    /** The items delivered since the last call, for a batch poll. */
    int takeDelivered() {
        int n = delivered;
        delivered = 0;
        return n;
    }
}
