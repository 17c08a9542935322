package org.iocp4j.windows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The slot table in plain Java: runs everywhere. */
class PacketValuesTest {

    @Test
    void nullIsZeroAndTakesNoSlot() {
        PacketValues v = new PacketValues();
        assertEquals(0, v.toValue(null));
        assertNull(v.take(0));
        assertEquals(0, v.inUse());
    }

    @Test
    void valuesAreOddSoNeverAnOverlappedAddress() {
        PacketValues v = new PacketValues();
        for (int i = 0; i < 100; i++) {
            long value = v.toValue(new Object());
            assertEquals(1, value & 1);
            assertTrue(PacketValues.isOurs(value));
        }
        assertTrue(!PacketValues.isOurs(0x10000L), "an aligned address is not ours");
    }

    @Test
    void eachValueMapsBackToItsObjectOnceAndTheSlotIsReused() {
        PacketValues v = new PacketValues();
        Object a = new Object();
        Object b = new Object();
        long va = v.toValue(a);
        long vb = v.toValue(b);
        assertSame(b, v.take(vb));
        assertSame(a, v.take(va));
        assertEquals(0, v.inUse());
        assertEquals(va, v.toValue(new Object()), "the freed slot is used again");
        IllegalStateException twice = assertThrows(IllegalStateException.class, () -> v.take(vb));
        assertTrue(twice.getMessage().contains("not held by this port's slot table"));
    }

    @Test
    void theTableGrowsAndClearFreesEverything() {
        PacketValues v = new PacketValues();
        long[] values = new long[1000];
        for (int i = 0; i < values.length; i++) {
            values[i] = v.toValue(Integer.valueOf(i));
        }
        assertEquals(1000, v.inUse());
        assertEquals(7, v.take(values[7]));
        assertEquals(999, v.clear());
        assertEquals(0, v.inUse());
        assertThrows(IllegalStateException.class, () -> v.take(values[8]));
        for (int i = 0; i < 1000; i++) {
            v.toValue(new Object()); // every slot is free again; no growth needed
        }
        assertEquals(1000, v.inUse());
    }
}
