package org.iocp4j.internal;

/**
 * 64 bytes of nothing, laid out before a subclass's fields (a superclass's fields come first),
 * so that a lock word written by one set of threads does not share a cache line with fields
 * of the object allocated just before it, which other threads write.
 */
abstract class LinePadding {
    /** Fills the gap after a 12-byte object header, where the JVM would otherwise put a subclass's int. */
    int padGap;
    long pad0;
    long pad1;
    long pad2;
    long pad3;
    long pad4;
    long pad5;
    long pad6;
    long pad7;
}
