/** iocp4j: sim. */
module org.iocp4j.sim {
    requires transitive org.iocp4j;
}
