package org.iocp4j.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The worked example of docs/simulator.md: a planted shutdown race, found, shrunk and replayed. */
class WorkedExampleTest {

    /** Up to 8 requests, two workers, one dispatcher (main); every request answered and recycled. */
    static Sim.Scenario everyBufferIsRecycled(boolean fixed) {
        return sim -> {
            List<RequestServer.Buffer> requests = new ArrayList<>();
            for (int size : sim.actions(8, r -> 1 + r.nextInt(4096))) {
                requests.add(new RequestServer.Buffer(requests.size(), size));
            }
            RequestServer server = new RequestServer(fixed);
            Thread w1 = sim.start("worker-1", server::workerLoop);
            Thread w2 = sim.start("worker-2", server::workerLoop);
            server.serve(requests);
            sim.join(w1);
            sim.join(w2);
            assertEquals(requests.size(), server.answered.get(), "requests answered");
            assertEquals(requests.size(), server.recycled.get(), "buffers recycled");
        };
    }

    @Test
    void theRunnerFindsThePlantedBugAndShrinksIt() {
        PropertyFailure f = assertThrows(PropertyFailure.class, () -> PropertyRunner.of(everyBufferIsRecycled(false))
                .name("every buffer is recycled").seeds(1000).check());
        System.out.println(f.getMessage());
        assertTrue(f.getMessage().startsWith("property 'every buffer is recycled' failed on run "), f.getMessage());
        assertTrue(f.original().token().seed() < 1000, "found within 1000 seeds: " + f.getMessage());
        assertTrue(f.shrunkToken().decisionCount() <= 10, "shrunk to at most 10 scheduling decisions: "
                + f.getMessage());
        assertEquals(1, f.shrunkToken().keptActions().length, f.getMessage());

        // The shrunk token replays the same failure, from one system property.
        System.setProperty(PropertyRunner.REPLAY_PROPERTY, f.shrunkToken().toString());
        try {
            PropertyFailure replayed = assertThrows(PropertyFailure.class,
                    () -> PropertyRunner.of(everyBufferIsRecycled(false)).check());
            assertEquals(f.shrunk().trace().hash(), replayed.original().trace().hash());
            assertEquals(f.shrunk().failure().getClass(), replayed.original().failure().getClass());
        } finally {
            System.clearProperty(PropertyRunner.REPLAY_PROPERTY);
        }
    }

    @Test
    void theFixPassesAThousandSeeds() {
        PropertyReport r = PropertyRunner.of(everyBufferIsRecycled(true)).seeds(1000).check();
        assertEquals(1000, r.runs());
    }
}
