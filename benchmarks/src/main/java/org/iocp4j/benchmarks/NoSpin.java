package org.iocp4j.benchmarks;

/** The engine's spin setting, which the no-spin benchmarks set through their fork's JVM arguments. */
final class NoSpin {
    /** The system property RealSeam reads once: how often a waiting thread polls before it parks. */
    static final String PROPERTY = "iocp4j.spinTries";

    private NoSpin() {}

    /**
     * Fails unless this JVM runs with spinning off: a {@code -jvmArgsAppend} on JMH's command line
     * replaces the benchmark's own, and the result would be mislabelled.
     */
    static void check() {
        if (Integer.getInteger(PROPERTY, -1) != 0) {
            throw new IllegalStateException("the no-spin benchmarks need -D" + PROPERTY + "=0 in their fork, got "
                    + System.getProperty(PROPERTY) + "; add it to -jvmArgsAppend when you pass one");
        }
    }
}
