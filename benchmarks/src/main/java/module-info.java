/** iocp4j: benchmarks. */
module org.iocp4j.benchmarks {
    requires org.iocp4j;
}
