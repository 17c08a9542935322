package org.iocp4j.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ReplayTokenTest {

    @Test
    void roundTripsEveryPart() {
        String text = "sim1/pct3x200/seed=ffffffffffffffff/a=0-3,7,9-10/d=12:1,40:2";
        ReplayToken t = ReplayToken.parse(text);
        assertEquals(new Strategy.Pct(3, 200), t.strategy());
        assertEquals(-1L, t.seed());
        assertArrayEquals(new int[] {0, 1, 2, 3, 7, 9, 10}, t.keptActions());
        assertEquals(2, t.decisionCount());
        assertEquals(text, t.toString());
        assertEquals(t, ReplayToken.parse(" " + text + " "));
    }

    @Test
    void seedOnlyLeavesTheChoicesToTheStrategy() {
        ReplayToken t = ReplayToken.parse("sim1/rw/seed=2a");
        assertEquals(42, t.seed());
        assertFalse(t.hasSchedule());
        assertFalse(t.hasActions());
        assertTrue(ReplayToken.parse("sim1/dfs/seed=0/d=").hasSchedule());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "sim2/rw/seed=1", "sim1/rw", "sim1/zz/seed=1", "sim1/rw/seed=xyz", "sim1/rw/seed=1/q=3",
        "sim1/rw/seed=1/d=3", "sim1/rw/seed=1/d=5:1,5:2", "sim1/rw/seed=1/d=4:-1", "sim1/rw/seed=1/a=3,2",
        "sim1/rw/seed=1/a=1-x", "sim1/rw/seed=1/d=1:1/d=2:1", "sim1/pct0/seed=1"})
    void invalidTokensAreClearErrors(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ReplayToken.parse(text));
        assertTrue(e.getMessage().startsWith("invalid replay token '" + text + "': "), e.getMessage());
        assertTrue(e.getMessage().contains("A token looks like sim1/"), e.getMessage());
    }

    @Test
    void replayPropertyWithAnInvalidTokenFailsAtOnce() {
        System.setProperty(PropertyRunner.REPLAY_PROPERTY, "not-a-token");
        try {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> PropertyRunner.of(sim -> { }).check());
            assertTrue(e.getMessage().contains("invalid replay token 'not-a-token'"));
        } finally {
            System.clearProperty(PropertyRunner.REPLAY_PROPERTY);
        }
    }
}
