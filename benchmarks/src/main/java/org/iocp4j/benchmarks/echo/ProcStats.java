package org.iocp4j.benchmarks.echo;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What Linux counts for a process in /proc: CPU time (utime + stime of /proc/PID/stat, all
 * threads, dead ones included) and context switches (voluntary + nonvoluntary over
 * /proc/PID/task/TID/status, the threads alive when sampled; a thread that ends between two
 * samples takes its switches with it, which the JVMs here rarely do while serving).
 */
record ProcStats(long cpuNanos, Map<String, Long> switchesByThread, Map<String, Long> preemptionsByThread) {

    /** Every thread's switches, voluntary and preempted. */
    long contextSwitches() {
        return switchesByThread.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Samples process {@code pid}. */
    static ProcStats of(long pid, long ticksPerSecond) throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        // fields after "(comm)": state is field 3, utime 14, stime 15 (proc(5))
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long ticks = Long.parseLong(f[14 - 3]) + Long.parseLong(f[15 - 3]);
        Map<String, Long> byThread = new TreeMap<>();
        Map<String, Long> preempted = new TreeMap<>();
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path task : tasks) {
                long[] n = switchesOf(task.resolve("status"));
                String name = threadName(task);
                byThread.merge(name, n[0] + n[1], Long::sum);
                preempted.merge(name, n[1], Long::sum);
            }
        }
        return new ProcStats(ticks * 1_000_000_000L / ticksPerSecond, byThread, preempted);
    }

    /** The thread's name as the kernel keeps it (15 characters at most), or "?" if it ended. */
    private static String threadName(Path task) {
        try {
            return Files.readString(task.resolve("comm")).strip();
        } catch (IOException ended) {
            return "?";
        }
    }

    /** A thread's voluntary and involuntary (preempted) switches so far. */
    private static long[] switchesOf(Path status) throws IOException {
        List<String> lines;
        try {
            lines = Files.readAllLines(status);
        } catch (NoSuchFileException ended) {
            return new long[2]; // the thread ended as we looked
        }
        long[] n = new long[2];
        for (String line : lines) {
            if (line.startsWith("voluntary_ctxt_switches:")) {
                n[0] = Long.parseLong(line.substring(line.indexOf(':') + 1).trim());
            } else if (line.startsWith("nonvoluntary_ctxt_switches:")) {
                n[1] = Long.parseLong(line.substring(line.indexOf(':') + 1).trim());
            }
        }
        return n;
    }

    ProcStats minus(ProcStats before) {
        return new ProcStats(cpuNanos - before.cpuNanos, difference(switchesByThread, before.switchesByThread),
                difference(preemptionsByThread, before.preemptionsByThread));
    }

    private static Map<String, Long> difference(Map<String, Long> after, Map<String, Long> before) {
        Map<String, Long> d = new TreeMap<>(after);
        before.forEach((name, n) -> d.merge(name, -n, Long::sum));
        d.values().removeIf(n -> n == 0);
        return d;
    }

    /** USER_HZ, from {@code getconf CLK_TCK}; 100 (Linux's value almost everywhere) if that fails. */
    static long ticksPerSecond() {
        try {
            Process p = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes()).trim();
            return p.waitFor() == 0 ? Long.parseLong(out) : 100;
        } catch (IOException | NumberFormatException e) {
            return 100;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 100;
        }
    }
}
