package org.iocp4j.benchmarks.echo;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * The markdown for docs/benchmarks.md: absolute figures per case and server (medians over the
 * rounds), then the ratios of each iocp4j server to Netty and to the JDK against the targets.
 */
final class EchoReport {
    private final List<EchoCase> all;
    private final List<String> servers;
    private final List<int[]> loads;

    EchoReport(List<EchoCase> all, List<String> servers, List<int[]> loads) {
        this.all = all;
        this.servers = servers;
        this.loads = loads;
    }

    /** The median of {@code metric} over the rounds of one server and load; NaN if none. */
    double median(String server, int[] load, ToDoubleFunction<EchoCase> metric) {
        double[] v = all.stream().filter(c -> c.server().equals(server) && c.connections() == load[0]
                && c.size() == load[1]).mapToDouble(metric).sorted().toArray();
        if (v.length == 0) {
            return Double.NaN;
        }
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    String markdown(String setup) {
        StringBuilder md = new StringBuilder(setup).append("\n\n");
        md.append("| connections | message | server | messages/s | p50 µs | p99 µs | server CPU µs/message |"
                + " context switches/message |\n");
        md.append("| ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: |\n");
        for (int[] load : loads) {
            for (String s : servers) {
                md.append(String.format(Locale.ROOT, "| %d | %s | %s | %,.0f | %.1f | %.1f | %.2f | %.3f |\n",
                        load[0], size(load[1]), s, median(s, load, EchoCase::messagesPerSecond),
                        median(s, load, EchoCase::p50Micros), median(s, load, EchoCase::p99Micros),
                        median(s, load, EchoCase::cpuMicrosPerMessage), median(s, load, EchoCase::switchesPerMessage)));
            }
        }
        if (!servers.contains("netty")) {
            return md.toString();
        }
        boolean jdk = servers.contains("jdk");
        for (String iocp : servers.stream().filter(s -> s.startsWith("iocp4j")).toList()) {
            md.append("\nRatios of ").append(iocp).append(" (target in brackets; ✓ met, ✗ missed):\n\n");
            md.append("| connections | message | messages/s vs Netty [≥ 0.9] | CPU/message vs Netty [≤ 1.1] |"
                    + (jdk ? " CPU/message vs JDK [< 1] |" : "") + " p99 vs Netty [≤ 1.2] |"
                    + " context switches/message vs Netty [≤ 1] |\n");
            md.append("| ---: | ---: | ---: | ---: |" + (jdk ? " ---: |" : "") + " ---: | ---: |\n");
            for (int[] load : loads) {
                List<String> cells = new ArrayList<>(Arrays.asList(Integer.toString(load[0]), size(load[1])));
                cells.add(ratio(iocp, "netty", load, EchoCase::messagesPerSecond, r -> r >= 0.9));
                cells.add(ratio(iocp, "netty", load, EchoCase::cpuMicrosPerMessage, r -> r <= 1.1));
                if (jdk) {
                    cells.add(ratio(iocp, "jdk", load, EchoCase::cpuMicrosPerMessage, r -> r < 1));
                }
                cells.add(ratio(iocp, "netty", load, EchoCase::p99Micros, r -> r <= 1.2));
                cells.add(ratio(iocp, "netty", load, EchoCase::switchesPerMessage, r -> r <= 1));
                md.append("| ").append(String.join(" | ", cells)).append(" |\n");
            }
        }
        return md.toString();
    }

    private String ratio(String a, String b, int[] load, ToDoubleFunction<EchoCase> metric,
            java.util.function.DoublePredicate target) {
        double r = median(a, load, metric) / median(b, load, metric);
        if (Double.isNaN(r) || Double.isInfinite(r)) {
            return "n/a";
        }
        return String.format(Locale.ROOT, "%.2f %s", r, target.test(r) ? "✓" : "✗");
    }

    static String size(int bytes) {
        return bytes % 1024 == 0 ? bytes / 1024 + " KiB" : bytes + " B";
    }
}
