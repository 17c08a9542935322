package org.iocp4j.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
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

    /** Switches so far of every live thread of this JVM, by thread id. */
    static Map<String, Long> sample() {
        Map<String, Long> byThread = new HashMap<>();
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(TASKS)) {
            for (Path task : tasks) {
                try {
                    byThread.put(task.getFileName().toString(), switches(Files.readAllLines(task.resolve("status"))));
                } catch (NoSuchFileException exited) {
                    // the thread ended between listing and reading
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + TASKS, e);
        }
        return byThread;
    }

    /** Voluntary plus involuntary switches from the lines of a {@code status} file. */
    static long switches(List<String> statusLines) {
        long n = 0;
        for (String line : statusLines) {
            if (line.startsWith("voluntary_ctxt_switches:") || line.startsWith("nonvoluntary_ctxt_switches:")) {
                n += Long.parseLong(line.substring(line.indexOf(':') + 1).trim());
            }
        }
        return n;
    }
}
