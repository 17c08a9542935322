package org.iocp4j.benchmarks;

import org.openjdk.jmh.annotations.Fork;

/**
 * {@link PortHandoff} with the engine's spinning off ({@code -Diocp4j.spinTries=0}): a consumer
 * that finds no packet parks at once, as ArrayBlockingQueue's does. Shows what the spin buys or
 * costs in the same run.
 */
@Fork(jvmArgsAppend = "-D" + NoSpin.PROPERTY + "=0")
public class PortHandoffNoSpin extends PortHandoff {

    /** For JMH. */
    public PortHandoffNoSpin() {}

    @Override
    protected void open(int consumers) {
        NoSpin.check();
        super.open(consumers);
    }
}
