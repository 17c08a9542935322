package org.iocp4j.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * Context switches per operation, Linux only: {@code -prof org.iocp4j.benchmarks.ContextSwitchProfiler}.
 *
 * <p>Before and after every iteration it reads {@code voluntary_ctxt_switches} and
 * {@code nonvoluntary_ctxt_switches} of every thread of the benchmark JVM from
 * {@code /proc/self/task/<tid>/status} and reports their growth, summed over threads, divided by
 * all operations of the iteration ({@code ctxsw.norm}, as {@code gc.alloc.rate.norm} is). Every
 * thread counts: the benchmark's threads, an executor's pool threads, and also JVM threads (JIT,
 * GC), which are idle in steady state. A thread that exits during the iteration loses what it
 * added since the first reading; a thread that starts counts from zero.
 */
public final class ContextSwitchProfiler implements InternalProfiler {
    private static final Path TASKS = Path.of("/proc/self/task");
    private static final byte[] VOLUNTARY = "voluntary_ctxt_switches:".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] NONVOLUNTARY = "nonvoluntary_ctxt_switches:".getBytes(StandardCharsets.US_ASCII);

    private Map<String, Long> before = Map.of();

    /** For JMH. */
    public ContextSwitchProfiler() {}

    @Override
    public String getDescription() {
        return "context switches (voluntary + involuntary, all JVM threads) per op, from /proc/self/task (Linux)";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
        before = Files.isDirectory(TASKS) ? sample() : Map.of();
    }

    @Override
    @SuppressWarnings("rawtypes") // InternalProfiler declares Collection<? extends Result> with a raw Result
    public Collection<? extends Result> afterIteration(BenchmarkParams benchmarkParams,
            IterationParams iterationParams, IterationResult result) {
        long ops = result.getMetadata().getAllOps();
        if (before.isEmpty() || ops == 0) {
            return List.of();
        }
        long grown = 0;
        for (Map.Entry<String, Long> e : sample().entrySet()) {
            grown += e.getValue() - before.getOrDefault(e.getKey(), 0L);
        }
        return List.of(new ScalarResult("ctxsw.norm", (double) grown / ops, "#/op", AggregationPolicy.AVG));
    }

    /**
     * Switches so far of every live thread of this JVM, by thread id. Reads each status file into
     * one reused buffer, so a sample allocates little next to what the gc profiler measures.
     */
    static Map<String, Long> sample() {
        Map<String, Long> byThread = new HashMap<>();
        ByteBuffer buf = ByteBuffer.allocate(8192);
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(TASKS)) {
            for (Path task : tasks) {
                buf.clear();
                try (SeekableByteChannel ch = Files.newByteChannel(task.resolve("status"))) {
                    while (buf.hasRemaining() && ch.read(buf) > 0) {
                        // fill
                    }
                } catch (NoSuchFileException exited) {
                    continue; // the thread ended between listing and reading
                }
                buf.flip();
                byThread.put(task.getFileName().toString(), switches(buf));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + TASKS, e);
        }
        return byThread;
    }

    /** Voluntary plus involuntary switches from the text of a {@code status} file. */
    static long switches(ByteBuffer status) {
        long n = 0;
        while (status.hasRemaining()) {
            int lineStart = status.position();
            boolean counted = startsWith(status, lineStart, VOLUNTARY) || startsWith(status, lineStart, NONVOLUNTARY);
            long value = 0;
            byte b = 0;
            while (status.hasRemaining() && (b = status.get()) != '\n') {
                if (counted && b >= '0' && b <= '9') {
                    value = value * 10 + (b - '0');
                }
            }
            if (counted) {
                n += value;
            }
        }
        return n;
    }

    private static boolean startsWith(ByteBuffer b, int at, byte[] prefix) {
        if (b.limit() - at < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (b.get(at + i) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
