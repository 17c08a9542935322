package org.iocp4j.spi;

import java.io.IOException;
import java.net.SocketOption;
import java.nio.channels.NotYetConnectedException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.iocp4j.io.SocketOptionRules;

/**
 * For backends: the options a socket was given, kept so that they are set on its OS socket as
 * soon as a connect or an accept creates one, in the order they were given, and on the next one
 * if a connect fails. Guarded by the socket's lock.
 */
public final class SocketOptionValues {
    /** Sets one option (checked, with a value of its type) on the OS socket. */
    public interface Setter {
        void set(SocketOption<?> option, Object value) throws IOException;
    }

    private final Map<SocketOption<?>, Object> values = new LinkedHashMap<>();

    /** An empty set: nothing given yet. */
    public SocketOptionValues() {}

    /** Keeps {@code value} for {@code option} (already checked), replacing an earlier one. */
    public <T> void remember(SocketOption<T> option, T value) {
        values.remove(option); // a later value goes last, as it was given last
        values.put(option, value);
    }

    /** Whether {@code option} was given a value. */
    public boolean isSet(SocketOption<?> option) {
        return values.containsKey(option);
    }

    /**
     * What {@code option} reads as before the OS socket exists: the value given, else a boolean
     * option's default (false, on every OS here).
     *
     * @throws NotYetConnectedException for a buffer size never set: the OS picks it with the socket
     */
    @SuppressWarnings("unchecked")
    public <T> T valueBeforeTheSocket(SocketOption<T> option) {
        Object v = values.get(option);
        if (v != null) {
            return (T) v;
        }
        if (SocketOptionRules.isBufferSize(option)) {
            throw new NotYetConnectedException(); // the OS chooses it when it creates the socket
        }
        return (T) Boolean.FALSE;
    }

    /** Sets every value kept on the OS socket that now exists; stops at the first refusal. */
    public void applyTo(Setter setter) throws IOException {
        for (Map.Entry<SocketOption<?>, Object> e : values.entrySet()) {
            setter.set(e.getKey(), e.getValue());
        }
    }
}
