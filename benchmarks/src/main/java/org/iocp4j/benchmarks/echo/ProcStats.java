package org.iocp4j.benchmarks.echo;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What Linux counts for a process in /proc: CPU time (utime + stime of /proc/PID/stat, all
 * threads, dead ones included) and context switches (voluntary + nonvoluntary over
 * /proc/PID/task/TID/status, the threads alive when sampled), per thread id. Between two samples
 * a thread counts its growth; a thread born since counts all its switches; one that ended counts
 * nothing (its switches inside the window are lost, which the JVMs here rarely see while serving).
 */
record ProcStats(long cpuNanos, Map<Long, Task> tasks) {

    /** One thread's name (as the kernel keeps it, 15 characters at most) and switches. */
    record Task(String name, long switches, long preempted) {}

    /** Every thread's switches, voluntary and preempted. */
    long contextSwitches() {
        return tasks.values().stream().mapToLong(Task::switches).sum();
    }

    /** Switches by thread name (threads of one name added up), the ones with none left out. */
    Map<String, Long> switchesByThread() {
        return byName(Task::switches);
    }

    /** Preemptions (nonvoluntary switches) by thread name, as {@link #switchesByThread}. */
    Map<String, Long> preemptionsByThread() {
        return byName(Task::preempted);
    }

    private Map<String, Long> byName(java.util.function.ToLongFunction<Task> count) {
        Map<String, Long> m = new TreeMap<>();
        tasks.values().forEach(t -> m.merge(t.name(), count.applyAsLong(t), Long::sum));
        m.values().removeIf(n -> n == 0);
        return m;
    }

    /** Samples process {@code pid}. */
    static ProcStats of(long pid, long ticksPerSecond) throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        // fields after "(comm)": state is field 3, utime 14, stime 15 (proc(5))
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long ticks = Long.parseLong(f[14 - 3]) + Long.parseLong(f[15 - 3]);
        Map<Long, Task> tasks = new TreeMap<>();
        try (DirectoryStream<Path> dir = Files.newDirectoryStream(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path task : dir) {
                long[] n = switchesOf(task.resolve("status"));
                if (n == null) {
                    continue; // it ended as we looked: counted as ended, not as a thread with no switches
                }
                tasks.put(Long.parseLong(task.getFileName().toString()), new Task(threadName(task), n[0] + n[1], n[1]));
            }
        }
        return new ProcStats(ticks * 1_000_000_000L / ticksPerSecond, tasks);
    }

    /** The thread's name as the kernel keeps it (15 characters at most), or "?" if it ended. */
    private static String threadName(Path task) {
        try {
            return Files.readString(task.resolve("comm")).strip();
        } catch (IOException ended) {
            return "?";
        }
    }

    /** A thread's voluntary and involuntary (preempted) switches so far, or null if it ended. */
    private static long[] switchesOf(Path status) throws IOException {
        List<String> lines;
        try {
            lines = Files.readAllLines(status);
        } catch (IOException ended) { // gone, or going (ESRCH)
            return null;
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

    /** The growth since {@code before}, thread by thread (see the class comment for threads born or ended between). */
    ProcStats minus(ProcStats before) {
        Map<Long, Task> growth = new TreeMap<>();
        tasks.forEach((tid, t) -> {
            Task b = before.tasks.get(tid);
            growth.put(tid, b == null ? t : new Task(t.name(), t.switches() - b.switches(), t.preempted() - b.preempted()));
        });
        return new ProcStats(cpuNanos - before.cpuNanos, growth);
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
