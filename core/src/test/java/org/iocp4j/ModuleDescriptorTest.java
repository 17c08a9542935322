package org.iocp4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleDescriptor.Exports;
import java.lang.module.ModuleDescriptor.Provides;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.iocp4j.spi.CompletionPortProvider;
import org.junit.jupiter.api.Test;

/**
 * Checks core's compiled module descriptor: the API packages are exported to everyone, the
 * engine only to the modules that emulate a port, and the pure-Java backend is provided as a
 * service (style.md: "Small exported surface"). The tests run on the class path, so the
 * descriptor is read from the compiled module-info.class rather than trusted.
 *
 * <p>The other modules' descriptors are checked by {@code ModuleDescriptorsTest} in examples,
 * which the reactor builds after them.
 */
class ModuleDescriptorTest {
    private static final Set<String> API = Set.of("org.iocp4j", "org.iocp4j.sync", "org.iocp4j.spi", "org.iocp4j.io");
    private static final Set<String> EMULATORS =
            Set.of("org.iocp4j.sim", "org.iocp4j.epoll", "org.iocp4j.kqueue", "org.iocp4j.unix", "org.iocp4j.conformance");

    private static Path classes() throws URISyntaxException {
        return Path.of(CompletionPort.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    private static ModuleDescriptor core() throws IOException, URISyntaxException {
        Path info = classes().resolve("module-info.class");
        assertTrue(Files.isRegularFile(info), "core's compiled descriptor is missing: " + info);
        try (InputStream in = Files.newInputStream(info)) {
            return ModuleDescriptor.read(in);
        }
    }

    private static Map<String, Set<String>> exports(ModuleDescriptor d) {
        Map<String, Set<String>> byPackage = new TreeMap<>();
        for (Exports e : d.exports()) {
            byPackage.put(e.source(), e.targets());
        }
        return byPackage;
    }

    @Test
    void coreIsTheModuleOrgIocp4j() throws Exception {
        assertEquals("org.iocp4j", core().name());
    }

    @Test
    void apiPackagesAreExportedToEveryone() throws Exception {
        Map<String, Set<String>> exports = exports(core());
        for (String p : API) {
            assertTrue(exports.containsKey(p), p + " is not exported; exports: " + exports);
            assertEquals(Set.of(), exports.get(p), p + " must be exported unqualified");
        }
    }

    @Test
    void engineIsExportedOnlyToTheEmulatingModules() throws Exception {
        Map<String, Set<String>> exports = exports(core());
        assertEquals(EMULATORS, exports.get("org.iocp4j.internal"), "exports of org.iocp4j.internal: " + exports);
    }

    @Test
    void internalPackagesAreExportedOnlyToEmulatingModules() throws Exception {
        List<String> leaked = exports(core()).entrySet().stream()
                .filter(e -> e.getKey().contains(".internal"))
                .filter(e -> e.getValue().isEmpty() || !EMULATORS.containsAll(e.getValue()))
                .map(e -> e.getKey() + " to " + (e.getValue().isEmpty() ? "everyone" : e.getValue()))
                .toList();
        assertEquals(List.of(), leaked, "internal packages exported beyond the emulating modules");
    }

    @Test
    void thePureJavaBackendIsProvidedAndTheServiceIsUsed() throws Exception {
        ModuleDescriptor d = core();
        String service = CompletionPortProvider.class.getName();
        assertTrue(d.uses().contains(service), "core must declare 'uses " + service + "' for CompletionPorts");
        List<String> providers = d.provides().stream()
                .filter(p -> p.service().equals(service))
                .map(Provides::providers)
                .findFirst()
                .orElse(List.of());
        assertTrue(providers.contains("org.iocp4j.internal.EmulatedPortProvider"), "provides: " + d.provides());
    }

    @Test
    void classPathServiceFileListsTheSameProvidersAsTheDescriptor() throws Exception {
        String service = CompletionPortProvider.class.getName();
        Path file = classes().resolve("META-INF/services/" + service);
        Set<String> listed = Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                .map(l -> l.replaceAll("#.*", "").strip())
                .filter(l -> !l.isEmpty())
                .collect(Collectors.toSet());
        Set<String> declared = core().provides().stream()
                .filter(p -> p.service().equals(service))
                .flatMap(p -> p.providers().stream())
                .collect(Collectors.toSet());
        assertEquals(declared, listed, "module-info 'provides' and " + file.getFileName() + " disagree");
        assertFalse(listed.isEmpty());
    }
}
