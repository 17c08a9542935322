package org.iocp4j.examples.echo;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A closed-loop load client for any TCP echo server, in plain JDK NIO (no iocp4j): each
 * connection sends a message, waits for all of its echo, checks it and records the latency,
 * then sends the next. It prints messages per second and the median and 99th-percentile
 * latency over the measured window, after an optional warm-up.
 *
 * <pre>
 * mvn -q -Pload-client package -DskipTests -Dload.args="--connections 64 --size 4096 --duration 10"
 * </pre>
 *
 * <p>Flags: {@code --host}, {@code --port}, {@code --connections}, {@code --size} (bytes per
 * message), {@code --duration} and {@code --warmup} (seconds), {@code --threads} (selector
 * threads sharing the connections), {@code --marks yes} (print {@code MARK start} and
 * {@code MARK end} as the measured window opens and closes, for a benchmark driver). Every
 * connection completes at least one message, and every message in flight when the time is up is
 * finished, so all bytes sent come back.
 */
public final class LoadClient {

    private LoadClient() {}

    /**
     * What a run measured: messages whose echo arrived in the measured window, their latency
     * percentiles, and every byte sent and echoed over the whole run (warm-up and drain included).
     */
    public record Result(int connections, int size, double seconds, long messages, long p50Nanos, long p99Nanos,
            long bytesSent, long bytesEchoed) {

        public double messagesPerSecond() {
            return seconds > 0 ? messages / seconds : 0;
        }

        /** One line a script can read: {@code RESULT key=value ...}. */
        public String machineLine() {
            return String.format(Locale.ROOT, "RESULT connections=%d size=%d seconds=%.3f messages=%d msgs_per_s=%.1f"
                    + " p50_us=%.1f p99_us=%.1f bytes_sent=%d bytes_echoed=%d", connections, size, seconds, messages,
                    messagesPerSecond(), p50Nanos / 1e3, p99Nanos / 1e3, bytesSent, bytesEchoed);
        }

        @Override
        public String toString() {
            if (messages == 0) {
                return String.format(Locale.ROOT, "%d connections x %d B, %.1f s: no message completed in the measured"
                        + " window (make --duration longer than a round trip)", connections, size, seconds);
            }
            return String.format(Locale.ROOT, "%d connections x %d B, %.1f s: %,.0f messages/s, p50 %.1f us, p99 %.1f us",
                    connections, size, seconds, messagesPerSecond(), p50Nanos / 1e3, p99Nanos / 1e3);
        }
    }

    /**
     * Runs the load against {@code server} and returns what it measured.
     *
     * @throws IllegalArgumentException if a count is below 1, size below 1 or a time negative
     * @throws IOException if a connection fails, an echo differs from what was sent, or a
     *     connection waits 10 s for an echo
     */
    public static Result run(InetSocketAddress server, int connections, int size, double seconds,
            double warmupSeconds, int threads) throws IOException, InterruptedException {
        return run(server, connections, size, seconds, warmupSeconds, threads, null);
    }

    /**
     * As {@link #run(InetSocketAddress, int, int, double, double, int)}, and prints
     * {@code MARK start} and {@code MARK end} to {@code marks} (unless null) when the measured
     * window opens and closes, so a benchmark driver can sample the server just then.
     */
    public static Result run(InetSocketAddress server, int connections, int size, double seconds,
            double warmupSeconds, int threads, PrintStream marks) throws IOException, InterruptedException {
        if (connections < 1 || size < 1 || threads < 1) {
            throw new IllegalArgumentException("connections, size and threads must be >= 1, got " + connections
                    + ", " + size + ", " + threads);
        }
        if (!(seconds >= 0 && warmupSeconds >= 0)) {
            throw new IllegalArgumentException("seconds and warmupSeconds must be >= 0, got " + seconds + ", "
                    + warmupSeconds);
        }
        List<LoadLoop> loops = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, connections));
        ScheduledExecutorService marker = Executors.newSingleThreadScheduledExecutor();
        try {
            for (int i = 0; i < Math.min(threads, connections); i++) {
                loops.add(new LoadLoop(size));
            }
            for (int c = 0; c < connections; c++) {
                loops.get(c % loops.size()).connect(server, c);
            }
            long from = System.nanoTime() + (long) (warmupSeconds * 1e9);
            long until = from + (long) (seconds * 1e9);
            if (marks != null) {
                marker.schedule(() -> marks.println("MARK start"), from - System.nanoTime(), TimeUnit.NANOSECONDS);
                marker.schedule(() -> marks.println("MARK end"), until - System.nanoTime(), TimeUnit.NANOSECONDS);
            }
            List<Future<?>> running = new ArrayList<>();
            for (LoadLoop loop : loops) {
                running.add(pool.submit(() -> {
                    loop.run(from, until);
                    return null;
                }));
            }
            for (Future<?> f : running) {
                f.get();
            }
        } catch (ExecutionException e) {
            marker.shutdownNow(); // failed: no MARK end after the error, no waiting for the window to close
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IllegalStateException("a load thread failed", e.getCause());
        } catch (IOException | RuntimeException | InterruptedException e) {
            marker.shutdownNow(); // failed: no MARK end after the error, no waiting for the window to close
            throw e;
        } finally {
            marker.shutdown(); // a mark still due is printed first
            marker.awaitTermination(1, TimeUnit.SECONDS);
            pool.shutdownNow();
            loops.forEach(LoadLoop::close);
        }
        LatencyHistogram all = new LatencyHistogram();
        long sent = 0;
        long echoed = 0;
        for (LoadLoop loop : loops) {
            all.add(loop.latencies);
            sent += loop.bytesSent;
            echoed += loop.bytesEchoed;
        }
        return new Result(connections, size, seconds, all.count(), all.quantile(0.5), all.quantile(0.99), sent, echoed);
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> defaults = new LinkedHashMap<>();
        defaults.put("host", InetAddress.getLoopbackAddress().getHostAddress());
        defaults.put("port", "7007");
        defaults.put("connections", "64");
        defaults.put("size", "64");
        defaults.put("duration", "10");
        defaults.put("warmup", "3");
        defaults.put("threads", "1");
        defaults.put("marks", "no");
        Flags f = new Flags("LoadClient", defaults).parse(args);
        InetSocketAddress server = new InetSocketAddress(f.host("host"), f.number("port", 1, 65535));
        Result r = run(server, f.number("connections", 1, 100_000), f.number("size", 1, 1 << 24),
                f.seconds("duration", 86_400), f.seconds("warmup", 3_600), f.number("threads", 1, 1024),
                f.yesNo("marks") ? System.out : null);
        System.out.println(r);
        System.out.println(r.machineLine());
    }
}
