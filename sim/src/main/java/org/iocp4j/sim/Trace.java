package org.iocp4j.sim;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * What a simulation did, event by event, with virtual time and thread names: the artefact a
 * failing run prints. Keeps the last {@code capacity} events and a hash of all of them; the same
 * seed gives the same events and the same hash on every JVM, whatever its default locale.
 *
 * <p>Written only by the simulated thread that is running; read it after the run.
 */
public final class Trace {
    private static final long FNV_OFFSET = 0xCBF29CE484222325L;
    private static final long FNV_PRIME = 0x100000001B3L;

    private final TraceEvent[] ring;
    private long total;
    private long hash = FNV_OFFSET;

    Trace(int capacity) {
        this.ring = new TraceEvent[capacity];
    }

    void add(long step, long time, String thread, TraceEvent.Kind kind, String detail) {
        ring[(int) (total++ % ring.length)] = new TraceEvent(step, time, thread, kind, detail);
        long h = hash;
        h = mix(h, step);
        h = mix(h, time);
        h = mix(h, kind.ordinal());
        h = mix(h, thread);
        hash = mix(h, detail);
    }

    private static long mix(long h, long v) {
        for (int i = 0; i < 8; i++) {
            h = (h ^ (v & 0xFF)) * FNV_PRIME;
            v >>>= 8;
        }
        return h;
    }

    private static long mix(long h, String s) {
        for (int i = 0; i < s.length(); i++) {
            h = (h ^ s.charAt(i)) * FNV_PRIME;
        }
        return (h ^ 0xFF) * FNV_PRIME;
    }

    /** How many events were recorded, including those no longer kept. */
    public long size() {
        return total;
    }

    /** The kept events, oldest first. */
    public List<TraceEvent> events() {
        int kept = (int) Math.min(total, ring.length);
        List<TraceEvent> out = new ArrayList<>(kept);
        for (long i = total - kept; i < total; i++) {
            out.add(ring[(int) (i % ring.length)]);
        }
        return Collections.unmodifiableList(out);
    }

    /** A 64-bit FNV-1a hash of every event (step, time, kind, thread, detail). */
    public long hash() {
        return hash;
    }

    /** {@link #hash()} as 16 hex digits. */
    public String hashHex() {
        return String.format(Locale.ROOT, "%016x", hash);
    }

    /** Every kept event, one per line, under a header. */
    public String render() {
        return renderTail(Integer.MAX_VALUE);
    }

    /** The last {@code n} events, one per line, under a header. */
    public String renderTail(int n) {
        List<TraceEvent> events = events();
        int from = Math.max(0, events.size() - n);
        StringBuilder sb = new StringBuilder();
        long omitted = total - events.size() + from;
        if (omitted > 0) {
            sb.append("  (").append(omitted).append(" earlier events not shown)\n");
        }
        sb.append(String.format(Locale.ROOT, "%6s %12s  %-12s %-10s %s%n", "step", "time", "thread", "event",
                "detail"));
        for (int i = from; i < events.size(); i++) {
            sb.append(events.get(i).render()).append('\n');
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return "Trace[" + total + " events, hash " + hashHex() + "]";
    }
}
