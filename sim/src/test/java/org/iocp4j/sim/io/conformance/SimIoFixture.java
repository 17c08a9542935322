package org.iocp4j.sim.io.conformance;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import org.iocp4j.CompletionPort;
import org.iocp4j.PortOptions;
import org.iocp4j.conformance.Harness;
import org.iocp4j.conformance.io.IoBackendFixture;
import org.iocp4j.sim.PropertyRunner;
import org.iocp4j.sim.ReplayToken;
import org.iocp4j.sim.Sim;
import org.iocp4j.sim.SimOptions;
import org.iocp4j.sim.SimPort;
import org.iocp4j.sim.conformance.SimHarness;
import org.iocp4j.sim.io.SimIo;

/**
 * The simulator as an I/O conformance backend: each test is one simulation (a random walk from
 * {@code -Diocp4j.sim.seed}, default 1, or {@code -Diocp4j.sim.replay}); listeners bind to a
 * simulated address (192.0.2.1, a documentation address no real host has); the leak check is the
 * simulated kernel's census of open handles.
 */
final class SimIoFixture implements IoBackendFixture {
    private static final InetAddress ADDRESS = documentationAddress();

    private final SimHarness harness;

    SimIoFixture() {
        SimOptions.Builder b = SimOptions.builder()
                .seed(Long.getLong("iocp4j.sim.seed", 1))
                .processors(Runtime.getRuntime().availableProcessors());
        String replay = System.getProperty(PropertyRunner.REPLAY_PROPERTY);
        if (replay != null && !replay.isBlank()) {
            b.replay(ReplayToken.parse(replay));
        }
        this.harness = new SimHarness(b.build());
    }

    private static InetAddress documentationAddress() {
        try {
            return InetAddress.getByAddress(new byte[] {(byte) 192, 0, 2, 1});
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    @Override
    public String name() {
        return "sim";
    }

    @Override
    public CompletionPort open(PortOptions options) {
        return Sim.current().openPort(options);
    }

    @Override
    public Harness harness() {
        return harness;
    }

    @Override
    public InetAddress address() {
        return ADDRESS;
    }

    /** Port 9 of the simulated address: ephemeral ports start at 49152, and no test binds it. */
    @Override
    public InetSocketAddress refusedAddress() {
        return new InetSocketAddress(ADDRESS, 9);
    }

    @Override
    public Object handleSnapshot() {
        return Sim.current().io().openHandles();
    }

    @Override
    public String leakedSince(Object snapshot) {
        SimIo io = Sim.current().io();
        List<String> now = new ArrayList<>(io.openHandles());
        now.removeAll((List<?>) snapshot);
        return now.isEmpty() ? null : String.join(", ", now);
    }

    @Override
    public String invariantViolation(CompletionPort port) {
        return port instanceof SimPort p ? p.invariantViolation() : null;
    }
}
