package org.iocp4j.examples.echo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FlagsTest {

    private static Flags flags() {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("port", "7007");
        d.put("duration", "10");
        return new Flags("Prog", d);
    }

    @Test
    void readsBothFormsAndOneArgumentWithBlanks() {
        Flags f = flags().parse("--port 80 duration=2.5");
        assertEquals(80, f.number("port", 1, 65535));
        assertEquals(2.5, f.seconds("duration", 100));
        assertEquals(7007, flags().parse("", " ").number("port", 1, 65535), "blank arguments keep the defaults");
        assertEquals(81, flags().parse("--port", "81").number("port", 1, 65535));
    }

    @Test
    void anUnknownFlagIsNamedAndChangesNothing() {
        Flags f = flags();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> f.parse("--port 80 --prot 81"));
        assertTrue(e.getMessage().startsWith("unknown flag 'prot'; usage: Prog [--port 7007] [--duration 10]"),
                e.getMessage());
        assertEquals(7007, f.number("port", 1, 65535), "the flags read before the bad one are not applied");
    }

    @Test
    void aValueOutOfRangeOrMissingIsNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> flags().parse("--port 0").number("port", 1, 65535));
        assertEquals("--port must be a whole number from 1 to 65535, got '0'", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> flags().parse("--duration x").seconds("duration", 5));
        assertEquals("--duration must be seconds from 0 to 5.0, got 'x'", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> flags().parse("--port"));
        assertTrue(e.getMessage().startsWith("'--port': expected --name value or name=value"), e.getMessage());
    }

    @Test
    void yesNoAndHostAreStrictAndNamed() {
        Flags f = new Flags("Prog", new java.util.LinkedHashMap<>(java.util.Map.of("marks", "no", "host", "127.0.0.1")));
        assertEquals(false, f.yesNo("marks"));
        assertEquals(true, f.parse("--marks yes").yesNo("marks"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> f.parse("--marks true").yesNo("marks"));
        assertEquals("--marks must be yes or no, got 'true'", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> f.parse("host=").host("host"));
        assertTrue(e.getMessage().startsWith("--host must name a host"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> f.parse("--host nosuch.invalid").host("host"));
        assertTrue(e.getMessage().startsWith("--host 'nosuch.invalid' does not resolve"), e.getMessage());
    }
}
