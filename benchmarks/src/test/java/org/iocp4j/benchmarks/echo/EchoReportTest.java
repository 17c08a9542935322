package org.iocp4j.benchmarks.echo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The echo benchmark's arithmetic: medians, ratios against the targets, and /proc sampling. */
class EchoReportTest {
    private static final List<int[]> ONE_LOAD = List.<int[]>of(new int[] {64, 4096});

    private static EchoCase c(String server, int round, double msgs, double p99, long cpuNanos, long switches) {
        return new EchoCase(server, 64, 4096, round, msgs, (long) msgs, 10, p99, cpuNanos, switches);
    }

    @Test
    void medianOverRoundsAndPerMessageFigures() {
        EchoReport r = new EchoReport(List.of(c("netty", 1, 100, 50, 1_000_000, 50), c("netty", 2, 300, 70, 3_000, 9),
                c("netty", 3, 200, 60, 2_000_000, 100)), List.of("netty"), ONE_LOAD);
        assertEquals(200, r.median("netty", ONE_LOAD.get(0), EchoCase::messagesPerSecond));
        assertEquals(10_000.0 / 1e3, c("x", 1, 100, 1, 1_000_000, 0).cpuMicrosPerMessage(), 1e-9); // 1 ms / 100
        assertEquals(0.5, c("x", 1, 100, 1, 0, 50).switchesPerMessage());
        assertTrue(Double.isNaN(r.median("jdk", ONE_LOAD.get(0), EchoCase::p99Micros)), "no rounds: no figure");
    }

    @Test
    void ratiosAreMarkedAgainstTheTargets() {
        EchoReport r = new EchoReport(List.of(
                c("iocp4j (epoll)", 1, 95, 130, 1_050_000, 90),   // 0.95x msgs, 1.05x CPU, 1.3x p99, 0.9x switches
                c("netty", 1, 100, 100, 1_000_000, 100),
                c("jdk", 1, 100, 100, 1_000_000, 100)), List.of("iocp4j (epoll)", "netty", "jdk"), ONE_LOAD);
        String md = r.markdown("setup");
        String row = md.lines().filter(l -> l.startsWith("| 64 | 4 KiB | 0.")).findFirst().orElseThrow(() ->
                new AssertionError("no ratio row in:\n" + md));
        // msgs/s: 0.95 >= 0.9; CPU vs Netty: 1.105 (95 msgs) <= 1.1 missed; vs JDK not below 1; p99 1.3 missed
        assertEquals("| 64 | 4 KiB | 0.95 ✓ | 1.11 ✗ | 1.11 ✗ | 1.30 ✗ | 0.95 ✓ |", row);
        assertTrue(md.contains("| 64 | 4 KiB | netty | 100 | 10.0 | 100.0 | 10.00 | 1.000 |"), md);
    }

    @Test
    void eachIocpServerGetsItsOwnRatioTable() {
        EchoReport r = new EchoReport(List.of(c("iocp4j (epoll)", 1, 50, 100, 1_000_000, 100),
                c("iocp4j (epoll, spinTries=0)", 1, 100, 100, 1_000_000, 100), c("netty", 1, 100, 100, 1_000_000, 100)),
                List.of("iocp4j (epoll)", "iocp4j (epoll, spinTries=0)", "netty"), ONE_LOAD);
        String md = r.markdown("setup");
        assertTrue(md.contains("Ratios of iocp4j (epoll) (") && md.contains("Ratios of iocp4j (epoll, spinTries=0) ("), md);
        assertTrue(md.contains("| 64 | 4 KiB | 0.50 ✗ | 2.00 ✗ | 1.00 ✓ | 2.00 ✗ |"), md); // no JDK column
        assertTrue(md.contains("| 64 | 4 KiB | 1.00 ✓ | 1.00 ✓ | 1.00 ✓ | 1.00 ✓ |"), md);
    }

    @Test
    void procStatsOfThisProcessGrow() throws Exception {
        Assumptions.assumeTrue(Files.isDirectory(Path.of("/proc/self/task")), "needs Linux /proc");
        long pid = ProcessHandle.current().pid();
        long ticks = ProcStats.ticksPerSecond();
        ProcStats before = ProcStats.of(pid, ticks);
        long spin = System.nanoTime() + 50_000_000;
        long x = 0;
        while (System.nanoTime() < spin) {
            x += Long.numberOfTrailingZeros(x + 1);
        }
        Thread t = Thread.ofPlatform().start(() -> { });
        t.join();
        ProcStats d = ProcStats.of(pid, ticks).minus(before);
        assertTrue(d.cpuNanos() >= 0 && d.contextSwitches() >= 0, d + " " + x);
        assertTrue(before.cpuNanos() > 0 && before.contextSwitches() > 0, "a running JVM has used CPU and switched: "
                + before);
    }
}
