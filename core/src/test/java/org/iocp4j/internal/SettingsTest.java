package org.iocp4j.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Numeric system properties are read strictly: a bad value is refused by name, never taken for the default. */
class SettingsTest {
    private static final String NAME = "iocp4j.settingsTest";

    @AfterEach
    void clear() {
        System.clearProperty(NAME);
    }

    @Test
    void unsetOrBlankGivesTheDefault() {
        assertEquals(7, Settings.wholeInt(NAME, 7, 1));
        System.setProperty(NAME, " ");
        assertEquals(7, Settings.wholeInt(NAME, 7, 1));
    }

    @Test
    void aWholeNumberIsTaken() {
        System.setProperty(NAME, " 12 ");
        assertEquals(12, Settings.wholeInt(NAME, 7, 1));
        assertEquals(12L, Settings.wholeNumber(NAME, 7, 0));
    }

    @Test
    void notANumberBelowTheLeastOrTooBigForAnIntIsRefusedByName() {
        for (String bad : new String[] {"ten", "1.5", "0", "-3", "4294967296"}) {
            System.setProperty(NAME, bad);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> Settings.wholeInt(NAME, 7, 1), bad);
            assertTrue(e.getMessage().startsWith("-D" + NAME + "=" + bad + " is not valid: give a whole number >= 1"),
                    e.getMessage());
        }
    }
}
