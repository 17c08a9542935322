package org.iocp4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleDescriptor.Requires;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.iocp4j.examples.tour.Tour;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Checks the compiled module descriptor of every module but core (core has its own, stricter
 * ModuleDescriptorTest): its name, that it requires core, that it exports no internal package to
 * everyone, and that it does not split one of core's packages. The reactor builds examples after
 * every module listed here, so a full {@code mvn verify} checks them all; in a partial build a
 * module not compiled yet is skipped with the reason. Benchmarks, built after examples, checks its
 * own descriptor (benchmarks' ModuleDescriptorTest).
 */
class ModuleDescriptorsTest {

    private static Path root() throws Exception {
        Path classes = Path.of(Tour.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        return classes.getParent().getParent().getParent(); // <root>/examples/target/classes
    }

    private static ModuleDescriptor read(Path classes) {
        try (InputStream in = Files.newInputStream(classes.resolve("module-info.class"))) {
            return ModuleDescriptor.read(in, () -> packagesIn(classes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Set<String> packagesIn(Path classes) {
        try (Stream<Path> files = Files.walk(classes)) {
            return files.filter(f -> f.toString().endsWith(".class") && !f.endsWith("module-info.class"))
                    .map(f -> classes.relativize(f.getParent()).toString().replace(classes.getFileSystem()
                            .getSeparator(), "."))
                    .filter(p -> !p.isEmpty() && !p.startsWith("META-INF"))
                    .collect(Collectors.toCollection(TreeSet::new));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ModuleDescriptor compiled(String dir) throws Exception {
        Path classes = root().resolve(dir).resolve("target/classes");
        Assumptions.assumeTrue(Files.isRegularFile(classes.resolve("module-info.class")),
                () -> dir + " was not compiled before these tests ran (the reactor builds it after examples,"
                        + " or this is a partial build); a full build followed by `mvn -pl examples test` checks it");
        return read(classes);
    }

    @ParameterizedTest(name = "{0} is module {1}")
    @CsvSource({
        "conformance, org.iocp4j.conformance",
        "sim, org.iocp4j.sim",
        "epoll-backend, org.iocp4j.epoll",
        "kqueue-backend, org.iocp4j.kqueue",
        "unix-common, org.iocp4j.unix",
        "windows-backend, org.iocp4j.windows",
        "examples, org.iocp4j.examples"
    })
    void descriptorIsSound(String dir, String name) throws Exception {
        ModuleDescriptor d = compiled(dir);
        assertEquals(name, d.name(), dir + "'s module name");
        assertTrue(d.requires().stream().map(Requires::name).anyMatch("org.iocp4j"::equals),
                name + " must require core (org.iocp4j); requires: " + d.requires());
        List<String> leaked = d.exports().stream()
                .filter(e -> !e.isQualified() && e.source().contains(".internal"))
                .map(ModuleDescriptor.Exports::source)
                .toList();
        assertEquals(List.of(), leaked, name + " exports internal packages to everyone");
        Set<String> split = new TreeSet<>(d.packages());
        split.retainAll(read(root().resolve("core/target/classes")).packages());
        assertEquals(Set.of(), split, name + " holds packages of core (a split package)");
    }
}
