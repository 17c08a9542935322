package org.iocp4j.benchmarks;

import org.openjdk.jmh.annotations.Fork;

/** {@link PortRoundTrip} with the engine's spinning off, like {@link PortHandoffNoSpin}. */
@Fork(jvmArgsAppend = "-D" + NoSpin.PROPERTY + "=0")
public class PortRoundTripNoSpin extends PortRoundTrip {

    /** For JMH. */
    public PortRoundTripNoSpin() {}

    @Override
    protected void open() {
        NoSpin.check();
        super.open();
    }
}
