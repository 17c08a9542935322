package org.iocp4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.spi.ToolProvider;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.iocp4j.examples.tour.Tour;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's code example compiles against the current API and does what it says. */
class ReadmeExampleTest {

    private static Path readme() throws Exception {
        Path classes = Path.of(Tour.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        return classes.getParent().getParent().getParent().resolve("README.md"); // <root>/examples/target/classes
    }

    private static String firstJavaBlock(String markdown) {
        Matcher m = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL).matcher(markdown);
        assertTrue(m.find(), "README.md has no ```java block");
        return m.group(1);
    }

    @Test
    void readmeExampleCompilesAndRunsEveryJobOnce(@TempDir Path dir) throws Exception {
        String source = firstJavaBlock(Files.readString(readme()));
        Matcher name = Pattern.compile("public class (\\w+)").matcher(source);
        assertTrue(name.find(), "the README example declares no public class");
        Path file = dir.resolve(name.group(1) + ".java");
        Files.writeString(file, source);

        ToolProvider javac = ToolProvider.findFirst("javac").orElseThrow(
                () -> new AssertionError("this test needs a JDK with javac (the jdk.compiler module)"));
        StringWriter diagnostics = new StringWriter();
        PrintWriter to = new PrintWriter(diagnostics);
        int rc = javac.run(to, to, "-Xlint:all", "-Werror", "-d", dir.toString(),
                "-cp", System.getProperty("java.class.path"), file.toString());
        assertEquals(0, rc, () -> "the README example does not compile:\n" + diagnostics);

        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream original = System.out;
        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, getClass().getClassLoader())) {
            Method main = loader.loadClass(name.group(1)).getMethod("main", String[].class);
            System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
            assertTimeoutPreemptively(Duration.ofSeconds(20), () -> main.invoke(null, (Object) new String[0]));
        } finally {
            System.setOut(original);
        }
        List<String> lines = printed.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals(10, lines.size(), () -> "one line per job expected:\n" + lines);
        for (int job = 1; job <= 10; job++) {
            String suffix = " runs job " + job;
            assertEquals(1, lines.stream().filter(l -> l.endsWith(suffix)).count(), "job " + job + " ran once");
        }
    }
}
