/**
 * iocp4j: benchmarks. JMH compares the port with the JDK's queues and executors; the shaded
 * {@code target/benchmarks.jar} runs them on the class path (see run-benchmarks.sh). The echo
 * benchmark ({@code org.iocp4j.benchmarks.echo}, run-echo.sh) puts the examples' echo server
 * against Netty's and the JDK's over loopback.
 */
module org.iocp4j.benchmarks {
    requires org.iocp4j;
    requires jmh.core;
    requires org.iocp4j.sim;
    requires io.netty.transport;
    requires io.netty.transport.classes.epoll;
}
