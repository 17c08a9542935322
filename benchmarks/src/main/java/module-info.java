/**
 * iocp4j: benchmarks. JMH compares the port with the JDK's queues and executors; the shaded
 * {@code target/benchmarks.jar} runs them on the class path (see run-benchmarks.sh).
 */
module org.iocp4j.benchmarks {
    requires org.iocp4j;
    requires jmh.core;
    requires org.iocp4j.sim;
}
