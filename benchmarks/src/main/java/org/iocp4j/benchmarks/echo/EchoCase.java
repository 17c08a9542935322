package org.iocp4j.benchmarks.echo;

/**
 * One measurement: a server, a load (connections x message size), and what the load client and
 * /proc saw over the measured window.
 *
 * @param cpuNanos the server process's CPU time over the window (all its threads)
 * @param contextSwitches the server threads' context switches over the window
 */
record EchoCase(String server, int connections, int size, int round, double messagesPerSecond, long messages,
        double p50Micros, double p99Micros, long cpuNanos, long contextSwitches) {

    double cpuMicrosPerMessage() {
        return messages == 0 ? Double.NaN : cpuNanos / 1e3 / messages;
    }

    double switchesPerMessage() {
        return messages == 0 ? Double.NaN : (double) contextSwitches / messages;
    }

    static String header() {
        return "server\tconnections\tsize\tround\tmsgs_per_s\tmessages\tp50_us\tp99_us\tcpu_us_per_msg\tctx_per_msg";
    }

    String line() {
        return String.format(java.util.Locale.ROOT, "%s\t%d\t%d\t%d\t%.1f\t%d\t%.1f\t%.1f\t%.3f\t%.4f", server,
                connections, size, round, messagesPerSecond, messages, p50Micros, p99Micros, cpuMicrosPerMessage(),
                switchesPerMessage());
    }
}
