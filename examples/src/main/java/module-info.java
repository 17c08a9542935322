/** iocp4j: examples. */
module org.iocp4j.examples {
    requires org.iocp4j;
}
