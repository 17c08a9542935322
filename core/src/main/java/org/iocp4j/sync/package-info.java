/**
 * Kernel objects with the Windows rules: events, semaphores, mutexes, waitable timers, sleep and
 * waits on many objects. An associated thread that waits on them gives up its port slot (R26).
 */
package org.iocp4j.sync;
