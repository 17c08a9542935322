package org.iocp4j.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A run is a pure function of its seed: same trace hash in this JVM, in fresh JVMs, in any locale, and on replay. */
class DeterminismTest {

    @Test
    void sameSeedSameTraceInTwoFreshJvms() throws Exception {
        SimResult here = Sim.run(7, Scenarios::producersAndConsumers);
        here.assertPassed();
        assertTrue(here.steps() >= 1000, "a 1000-step scenario, got " + here.steps());
        assertTrue(here.threads() == 5, "4 threads plus main");
        String expected = "hash=" + here.trace().hashHex() + " steps=" + here.steps() + " events=" + here.trace().size();

        Process first = fork(7);
        Process second = fork(7);
        assertEquals(expected, output(first));
        assertEquals(expected, output(second));
    }

    @Test
    void differentSeedsGiveDifferentRuns() {
        SimResult a = Sim.run(1, Scenarios::producersAndConsumers);
        SimResult b = Sim.run(2, Scenarios::producersAndConsumers);
        a.assertPassed();
        b.assertPassed();
        assertNotEquals(a.trace().hash(), b.trace().hash());
    }

    @Test
    void platformCarriersGiveTheSameRunAsVirtualOnes() {
        SimResult virtual = Sim.run(SimOptions.builder().seed(4).build(), Scenarios::producersAndConsumers);
        SimResult platform = Sim.run(SimOptions.builder().seed(4).virtualThreads(false).build(),
                Scenarios::producersAndConsumers);
        assertEquals(virtual.trace().hash(), platform.trace().hash());
    }

    @Test
    void scheduleTokenReplaysTheSameRun() {
        SimResult original = Sim.run(11, Scenarios::producersAndConsumers);
        SimResult replayed = Sim.run(SimOptions.builder().replay(original.scheduleToken()).build(),
                Scenarios::producersAndConsumers);
        SimResult fromText = Sim.run(SimOptions.builder().replay(ReplayToken.parse(original.token().toString())).build(),
                Scenarios::producersAndConsumers);
        assertEquals(original.trace().hash(), replayed.trace().hash());
        assertEquals(original.trace().hash(), fromText.trace().hash());
    }

    @Test
    void theTraceAndItsHashDoNotDependOnTheDefaultLocale() {
        Locale saved = Locale.getDefault();
        try {
            Locale.setDefault(Locale.US);
            Trace us = Sim.run(7, Scenarios::producersAndConsumers).trace();
            String usLines = us.render();
            assertTrue(us.events().stream().anyMatch(e -> e.detail().matches("on .* for \\d+\\.\\d{3}ms")),
                    "the trace holds numbers the simulator formats (a PARK's timeout)");
            for (String tag : List.of("fa-IR", "ar-EG", "th-TH-u-nu-thai")) {
                Locale nativeDigits = Locale.forLanguageTag(tag);
                assertNotEquals("7", String.format(nativeDigits, "%d", 7), tag + " writes its own digits");
                Locale.setDefault(nativeDigits);
                Trace other = Sim.run(7, Scenarios::producersAndConsumers).trace();
                assertEquals(us.hashHex(), other.hashHex(), tag);
                assertEquals(usLines, other.render(), tag);
            }
        } finally {
            Locale.setDefault(saved);
        }
    }

    private static Process fork(long seed) throws IOException {
        String java = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        return new ProcessBuilder(List.of(java, "-cp", classPath, DeterminismMain.class.getName(), Long.toString(seed)))
                .redirectErrorStream(true)
                .start();
    }

    private static String output(Process p) throws Exception {
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "forked JVM ends");
        assertEquals(0, p.exitValue(), out);
        return out;
    }
}
