package org.iocp4j.benchmarks.echo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The echo benchmark's driver (run it through {@code benchmarks/run-echo.sh}): it starts each
 * server (iocp4j's echo server on its best backend, Netty on native epoll, the JDK's
 * AsynchronousChannelGroup) in its own JVM with the same number of server threads, then for
 * each load (connections x message size) runs the examples' load client in another JVM against
 * every server in turn, and samples that server's CPU time and context switches in /proc
 * exactly as the client's measured window opens and closes. Writes a TSV of every measurement
 * and a markdown table for docs/benchmarks.md.
 *
 * <p>Flags ({@code --name value}): {@code duration} and {@code warmup} seconds per case,
 * {@code rounds} (the report takes medians), {@code servers} (iocp4j,netty,jdk; also
 * iocp4j-nospin: the same server with the engine's spin before parking off),
 * {@code connections} (1,64), {@code sizes} (64,4096), {@code threads} per server (2),
 * {@code client-threads} (1), {@code out} (directory), {@code per-thread} (yes: print each case's
 * context switches by server thread name, to see where a difference comes from).
 */
public final class EchoBench {
    private static final Pattern RESULT = Pattern.compile(
            "^RESULT .*messages=(\\d+) msgs_per_s=([0-9.]+) p50_us=([0-9.]+) p99_us=([0-9.]+)");

    private final Map<String, String> flags;
    private final String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    private final String classPath = System.getProperty("java.class.path");
    private final long ticks = ProcStats.ticksPerSecond();

    private EchoBench(Map<String, String> flags) {
        this.flags = flags;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> flags = new LinkedHashMap<>();
        flags.put("duration", "10");
        flags.put("warmup", "3");
        flags.put("rounds", "1");
        flags.put("servers", "iocp4j,netty,jdk");
        flags.put("connections", "1,64");
        flags.put("sizes", "64,4096");
        flags.put("threads", "2");
        flags.put("client-threads", "1");
        flags.put("out", "target/echo");
        flags.put("per-thread", "no");
        for (int i = 0; i < args.length; i++) {
            String name = args[i].startsWith("--") ? args[i].substring(2) : args[i];
            if (!flags.containsKey(name) || i + 1 >= args.length) {
                throw new IllegalArgumentException("'" + args[i] + "': expected one of --" + String.join(", --",
                        flags.keySet()) + " followed by a value");
            }
            flags.put(name, args[++i]);
        }
        new EchoBench(flags).run();
    }

    private void run() throws Exception {
        List<String> servers = List.of(flags.get("servers").split(","));
        List<int[]> loads = new ArrayList<>();
        for (String c : flags.get("connections").split(",")) {
            for (String s : flags.get("sizes").split(",")) {
                loads.add(new int[] {Integer.parseInt(c.trim()), Integer.parseInt(s.trim())});
            }
        }
        int rounds = Integer.parseInt(flags.get("rounds"));
        Path out = Path.of(flags.get("out"));
        Files.createDirectories(out);
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        Path tsv = out.resolve("echo-" + stamp + ".tsv");
        Files.writeString(tsv, EchoCase.header() + "\n");
        List<EchoCase> all = new ArrayList<>();
        // Every server runs all along (an idle one blocks and costs nothing), and each load is measured
        // on every server before the next load: a drift of the machine's background load then shifts
        // the servers' figures of one load alike, not the ratios between them. Each round starts
        // with the next server, so whatever the server before leaves behind (the client JVM that just
        // ended, warm caches) falls on each server in turn rather than always on the same one.
        List<ServerProcess> running = new ArrayList<>();
        try {
            for (String server : servers) {
                running.add(start(server));
            }
            for (int round = 1; round <= rounds; round++) {
                for (int[] load : loads) {
                    for (int i = 0; i < running.size(); i++) {
                        ServerProcess p = running.get((i + round - 1) % running.size());
                        EchoCase c = measure(p, load[0], load[1], round);
                        all.add(c);
                        Files.writeString(tsv, c.line() + "\n", StandardOpenOption.APPEND);
                        System.out.println(c.line());
                    }
                }
            }
        } finally {
            running.forEach(ServerProcess::close);
        }
        String setup = String.format(Locale.ROOT, "Echo over loopback; client and servers share this machine's %d"
                + " processors. Each server runs in its own JVM with %s server threads (all started at once, idle"
                + " while another is measured; each load runs on every server in turn); the same closed-loop load"
                + " client (examples' LoadClient, %s selector thread) runs %s s per case after %s s of warm-up;"
                + " median of %d round(s). Server CPU and context switches are read from /proc over the measured"
                + " window. Java %s.", Runtime.getRuntime().availableProcessors(), flags.get("threads"),
                flags.get("client-threads"), flags.get("duration"), flags.get("warmup"), rounds,
                System.getProperty("java.version"));
        String md = new EchoReport(all, servers.stream().map(EchoBench::label).toList(), loads).markdown(setup);
        Path mdFile = out.resolve("echo-" + stamp + ".md");
        Files.writeString(mdFile, md);
        System.out.println();
        System.out.println(md);
        System.out.println("measurements: " + tsv + "\ntable: " + mdFile);
    }

    /** The report's name of a server. */
    private static String label(String server) {
        return switch (server) {
            case "iocp4j" -> "iocp4j (epoll)";
            case "iocp4j-nospin" -> "iocp4j (epoll, spinTries=0)";
            default -> server;
        };
    }

    private ServerProcess start(String server) throws IOException {
        String threads = flags.get("threads");
        List<String> jvm = List.of("--enable-native-access=ALL-UNNAMED", "-Xms512m", "-Xmx512m");
        return switch (server) {
            case "iocp4j" -> ServerProcess.start(label(server), java, jvm, classPath,
                    "org.iocp4j.examples.echo.EchoServer", List.of("--port", "0", "--threads", threads));
            case "iocp4j-nospin" -> ServerProcess.start(label(server), java,
                    Stream.concat(jvm.stream(), Stream.of("-Diocp4j.spinTries=0"))
                            .toList(), classPath, "org.iocp4j.examples.echo.EchoServer",
                    List.of("--port", "0", "--threads", threads));
            case "netty" -> ServerProcess.start(server, java, jvm, classPath, NettyEchoServer.class.getName(),
                    List.of("0", threads));
            case "jdk" -> ServerProcess.start(server, java, jvm, classPath, JdkAsyncEchoServer.class.getName(),
                    List.of("0", threads));
            default -> throw new IllegalArgumentException("unknown server '" + server
                    + "': iocp4j, iocp4j-nospin, netty or jdk");
        };
    }

    private EchoCase measure(ServerProcess server, int connections, int size, int round) throws Exception {
        List<String> cmd = List.of(java, "-Xms256m", "-Xmx256m", "-cp", classPath,
                "org.iocp4j.examples.echo.LoadClient", "--port", Integer.toString(server.port), "--connections",
                Integer.toString(connections), "--size", Integer.toString(size), "--duration", flags.get("duration"),
                "--warmup", flags.get("warmup"), "--threads", flags.get("client-threads"), "--marks", "yes");
        Process client = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        ProcStats before = null;
        ProcStats after = null;
        Matcher result = null;
        StringBuilder printed = new StringBuilder();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(client.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                printed.append(line).append('\n');
                if (line.equals("MARK start")) {
                    before = ProcStats.of(server.pid(), ticks);
                } else if (line.equals("MARK end")) {
                    after = ProcStats.of(server.pid(), ticks);
                } else if (RESULT.matcher(line).find()) {
                    result = RESULT.matcher(line);
                    result.find();
                }
            }
        }
        if (client.waitFor() != 0 || before == null || after == null || result == null || !server.isAlive()) {
            throw new IOException("the load client against " + server.name + " failed (" + connections + " x " + size
                    + " B); it printed:\n" + printed);
        }
        ProcStats d = after.minus(before);
        if (flags.get("per-thread").equals("yes")) {
            System.err.println("switches by thread, " + server.name + " " + connections + " x " + size + " B, round "
                    + round + " (" + result.group(1) + " messages): " + d.switchesByThread() + "; of them preempted: "
                    + d.preemptionsByThread());
        }
        return new EchoCase(server.name, connections, size, round, Double.parseDouble(result.group(2)),
                Long.parseLong(result.group(1)), Double.parseDouble(result.group(3)),
                Double.parseDouble(result.group(4)), d.cpuNanos(), d.contextSwitches());
    }
}
