package org.iocp4j.benchmarks.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {

    @Test
    void readsNestedObjectsArraysAndLiteralsInFileOrder() {
        Object v = Json.parse("{ \"b\" : [1, -2.5E3, true, false, null], \"a\" : {\"s\" : \"x\\\"y\\u0041\"} }");
        Map<?, ?> m = (Map<?, ?>) v;
        assertEquals(List.of("b", "a"), List.copyOf(m.keySet()));
        List<?> b = (List<?>) m.get("b");
        assertEquals(1.0, b.get(0));
        assertEquals(-2500.0, b.get(1));
        assertEquals(Boolean.TRUE, b.get(2));
        assertEquals(Boolean.FALSE, b.get(3));
        assertNull(b.get(4));
        assertEquals("x\"yA", ((Map<?, ?>) m.get("a")).get("s"));
    }

    @Test
    void readsEmptyContainers() {
        assertEquals(Map.of(), Json.parse("{ }"));
        assertEquals(List.of(), Json.parse("[ ]"));
    }

    @Test
    void jmhNanStringIsANumber() {
        assertTrue(Double.isNaN(Json.number("NaN")));
        assertTrue(Double.isNaN(Json.number(null)));
        assertEquals(3.0, Json.number(3.0));
        assertThrows(IllegalArgumentException.class, () -> Json.number("three"));
    }

    @Test
    void badInputNamesTheOffset() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Json.parse("{\"a\" 1}"));
        assertTrue(e.getMessage().contains("expected ':'") && e.getMessage().contains("offset 5"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Json.parse("[1, 2"));
        assertThrows(IllegalArgumentException.class, () -> Json.parse("\"open"));
        assertThrows(IllegalArgumentException.class, () -> Json.parse("[1] 2"));
    }
}
