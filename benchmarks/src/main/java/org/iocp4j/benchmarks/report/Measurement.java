package org.iocp4j.benchmarks.report;

import java.util.List;
import java.util.Map;

/**
 * One benchmark of a JMH result file, reduced to what the ratio table needs.
 *
 * @param channel the peer: "iocp4j port, dequeue", "ArrayBlockingQueue", "ThreadPoolExecutor", ...
 * @param shape {@code p1c1}, {@code p2c2} or {@code roundTrip}
 * @param items items (round trips) per second: the producers' ({@code ping}'s) rate
 * @param itemsError JMH's 99.9% error of {@code items}, or NaN
 * @param bytesPerItem heap allocated per item ({@code -prof gc}), or NaN when not profiled
 * @param switchesPerItem context switches per item ({@link org.iocp4j.benchmarks.ContextSwitchProfiler}), or NaN
 */
record Measurement(String channel, String shape, double items, double itemsError, double bytesPerItem,
        double switchesPerItem) {

    static final String PORT_DEQUEUE = "iocp4j port, dequeue";
    static final String PORT_POLL = "iocp4j port, poll(64)";
    static final String NO_SPIN = ", spinTries=0";

    /**
     * Reads one element of JMH's JSON array.
     *
     * @throws IllegalArgumentException if it is not one of this module's benchmarks
     */
    @SuppressWarnings("unchecked") // the shape of JMH's JSON
    static Measurement of(Map<String, Object> run) {
        String benchmark = (String) run.get("benchmark");
        if (benchmark == null || benchmark.lastIndexOf('.') < 0) {
            throw new IllegalArgumentException("not a JMH result: no benchmark name in " + run.keySet());
        }
        String shape = benchmark.substring(benchmark.lastIndexOf('.') + 1);
        String cls = benchmark.substring(0, benchmark.lastIndexOf('.'));
        cls = cls.substring(cls.lastIndexOf('.') + 1);
        Map<String, Object> params = (Map<String, Object>) run.getOrDefault("params", Map.of());
        Map<String, Object> primary = (Map<String, Object>) run.get("primaryMetric");
        Map<String, Object> secondary = (Map<String, Object>) run.getOrDefault("secondaryMetrics", Map.of());

        Map<String, Object> rate = primary;
        for (Map.Entry<String, Object> e : secondary.entrySet()) {
            if (e.getKey().startsWith("produce") || e.getKey().equals("ping")) {
                rate = (Map<String, Object>) e.getValue();
            }
        }
        double all = Json.number(primary.get("score"));
        double items = Json.number(rate.get("score"));
        double perItem = all / items; // JMH's .norm metrics are per operation of every thread of the group
        return new Measurement(channel(cls, params), shape, items, Json.number(rate.get("scoreError")),
                norm(secondary, "gc.alloc.rate.norm") * perItem, norm(secondary, "ctxsw.norm") * perItem);
    }

    @SuppressWarnings("unchecked")
    private static double norm(Map<String, Object> secondary, String name) {
        for (Map.Entry<String, Object> e : secondary.entrySet()) {
            // older JMH versions prefix profiler metrics with a middle dot
            if (e.getKey().equals(name) || e.getKey().equals("\u00b7" + name)) {
                return Json.number(((Map<String, Object>) e.getValue()).get("score"));
            }
        }
        return Double.NaN;
    }

    private static String channel(String cls, Map<String, Object> params) {
        return switch (cls) {
            case "PortHandoff" -> "poll64".equals(params.get("api")) ? PORT_POLL : PORT_DEQUEUE;
            case "PortRoundTrip" -> PORT_DEQUEUE;
            case "PortHandoffNoSpin" -> channel("PortHandoff", params) + NO_SPIN;
            case "PortRoundTripNoSpin" -> PORT_DEQUEUE + NO_SPIN;
            case "QueueHandoff", "QueueRoundTrip" -> param(params, "queue", cls);
            case "ExecutorHandoff" -> param(params, "executor", cls);
            default -> throw new IllegalArgumentException("unknown benchmark class " + cls);
        };
    }

    private static String param(Map<String, Object> params, String name, String cls) {
        Object v = params.get(name);
        if (v == null) {
            throw new IllegalArgumentException(cls + " result without its '" + name + "' parameter");
        }
        return v.toString();
    }

    /** The measurements of every element of a parsed JMH JSON array. */
    @SuppressWarnings("unchecked")
    static List<Measurement> all(Object json) {
        if (!(json instanceof List<?> runs)) {
            throw new IllegalArgumentException("not a JMH result file: expected a JSON array");
        }
        // The simulator's benchmarks (package sim) are no channel: they are reported apart.
        return runs.stream().map(r -> (Map<String, Object>) r)
                .filter(r -> !String.valueOf(r.get("benchmark")).contains(".benchmarks.sim."))
                .map(Measurement::of).toList();
    }
}
