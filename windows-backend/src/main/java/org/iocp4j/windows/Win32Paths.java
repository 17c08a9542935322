package org.iocp4j.windows;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.ProviderMismatchException;

/**
 * A {@link Path} as CreateFileW takes it, as the JDK's own Windows channels pass it: only paths of
 * the default file system (a zip file system's {@code /a.txt} would name the root of the current
 * drive), absolute, and with the {@code \\?\} prefix once too long for MAX_PATH (260 characters,
 * less the JDK's margin of 12), which would otherwise fail with ERROR_PATH_NOT_FOUND.
 */
final class Win32Paths {
    /** The JDK's limit for a path passed without the prefix (MAX_PATH - 12, room for an 8.3 name). */
    static final int LONGEST_UNPREFIXED = 247;

    private Win32Paths() {}

    /**
     * The name to give CreateFileW for {@code path}.
     *
     * @throws ProviderMismatchException if {@code path} belongs to another file system
     */
    static String forCreateFile(Path path) {
        if (path.getFileSystem() != FileSystems.getDefault()) {
            throw new ProviderMismatchException("path " + path + " belongs to the "
                    + path.getFileSystem().provider().getScheme() + " file system; the windows backend opens files "
                    + "of the default file system only: copy it to a file there first");
        }
        Path absolute = path.toAbsolutePath();
        String name = absolute.toString();
        if (name.length() <= LONGEST_UNPREFIXED || name.startsWith("\\\\?\\")) {
            return name;
        }
        String normal = absolute.normalize().toString(); // the prefix turns off the kernel's own
        return normal.startsWith("\\\\") ? "\\\\?\\UNC\\" + normal.substring(2) : "\\\\?\\" + normal;
    }
}
