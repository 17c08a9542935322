package org.iocp4j.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The benchmarks module's own descriptor: built after examples, so examples' test cannot see it. */
class ModuleDescriptorTest {
    @Test
    void descriptorNamesTheModuleRequiresCoreAndExportsNothing() throws Exception {
        Path classes = Path.of(Backlog.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        ModuleDescriptor d;
        try (InputStream in = Files.newInputStream(classes.resolve("module-info.class"))) {
            d = ModuleDescriptor.read(in);
        }
        assertEquals("org.iocp4j.benchmarks", d.name());
        assertTrue(d.requires().stream().anyMatch(r -> r.name().equals("org.iocp4j")), "requires core: " + d.requires());
        assertEquals(0, d.exports().size(), "benchmarks export nothing: " + d.exports());
    }
}
