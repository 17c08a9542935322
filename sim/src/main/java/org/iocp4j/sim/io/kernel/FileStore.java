package org.iocp4j.sim.io.kernel;

import java.nio.ByteBuffer;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** The simulated file system of a run: files in memory, by normalized path; no directories. */
final class FileStore {
    private final Map<Path, Data> files = new HashMap<>();

    /** One file's bytes, shared by every handle open on it. */
    static final class Data {
        private byte[] bytes = new byte[0];
        private int size;

        int size() {
            return size;
        }

        /** Copies what lies at {@code position} into {@code dst}; the count, or -1 at or past the end. */
        int read(long position, ByteBuffer dst) {
            if (position >= size) {
                return -1;
            }
            int n = (int) Math.min(dst.remaining(), size - position);
            dst.put(bytes, (int) position, n);
            return n;
        }

        /** Writes all of {@code src} at {@code position}, growing the file (with zeros) as needed. */
        int write(long position, ByteBuffer src) {
            int n = src.remaining();
            long end = position + n;
            if (end > Integer.MAX_VALUE - 8) {
                return -1;
            }
            if (end > bytes.length) {
                bytes = Arrays.copyOf(bytes, (int) Math.max(end, Math.min(Integer.MAX_VALUE - 8, 2L * bytes.length)));
            }
            src.get(bytes, (int) position, n);
            size = (int) Math.max(size, end);
            return n;
        }

        void truncate() {
            size = 0;
            bytes = new byte[0];
        }

        byte[] content() {
            return Arrays.copyOf(bytes, size);
        }
    }

    /** Opens {@code path} as Files.newByteChannel would (APPEND was refused before). */
    Data open(Path path, Set<OpenOption> options) throws NoSuchFileException, FileAlreadyExistsException {
        Path key = path.normalize();
        Data d = files.get(key);
        if (options.contains(StandardOpenOption.CREATE_NEW)) {
            if (d != null) {
                throw new FileAlreadyExistsException(path.toString());
            }
        } else if (d == null && !options.contains(StandardOpenOption.CREATE)) {
            throw new NoSuchFileException(path.toString());
        }
        if (d == null) {
            d = new Data();
            files.put(key, d);
        } else if (options.contains(StandardOpenOption.TRUNCATE_EXISTING)
                && options.contains(StandardOpenOption.WRITE)) {
            d.truncate();
        }
        return d;
    }

    void delete(Path path, Data data) {
        files.remove(path.normalize(), data);
    }

    void replace(Path path, byte[] content) {
        Data d = new Data();
        d.write(0, ByteBuffer.wrap(content));
        files.put(path.normalize(), d);
    }

    byte[] content(Path path) throws NoSuchFileException {
        Data d = files.get(path.normalize());
        if (d == null) {
            throw new NoSuchFileException(path.toString());
        }
        return d.content();
    }
}
