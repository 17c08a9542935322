package org.iocp4j.conformance.io;

import java.lang.reflect.Method;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;
import org.opentest4j.TestAbortedException;

/**
 * The JUnit extension on every {@link IoSuite}: runs each test inside the backend's
 * {@link org.iocp4j.conformance.Harness#run} (on the simulator: one simulation), with its port
 * opened first and, in the same run afterwards, everything the test opened closed and checked:
 * the backend's invariants for each port, no thread still running, no failure left unseen on a
 * thread, and no handle leaked. A failed test gets the problems as suppressed exceptions.
 */
public final class IoCheck implements InvocationInterceptor {

    /** Created by JUnit. */
    public IoCheck() {
        // stateless
    }

    @Override
    public void interceptTestMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> call,
            ExtensionContext context) throws Throwable {
        Object instance = context.getRequiredTestInstance();
        if (!(instance instanceof IoSuite suite)) {
            throw new IllegalStateException(IoCheck.class.getSimpleName() + " works on IoSuite subclasses, not "
                    + instance.getClass().getName());
        }
        IoBackendFixture fixture = suite.fixture();
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        AtomicReference<List<String>> problems = new AtomicReference<>(List.of());
        fixture.harness().run(() -> {
            Object snapshot = fixture.handleSnapshot();
            try {
                suite.begin(fixture);
                invocation.proceed();
            } catch (Throwable t) {
                thrown.set(t);
            } finally {
                problems.set(suite.end(snapshot));
            }
        });
        Throwable t = thrown.get();
        if (t instanceof TestAbortedException) {
            throw t;
        }
        AssertionError broken = problems.get().isEmpty() ? null : new AssertionError("after "
                + context.getDisplayName() + " on backend '" + fixture.name() + "': " + String.join("; ", problems.get()));
        if (t != null) {
            if (broken != null) {
                t.addSuppressed(broken);
            }
            throw t;
        }
        if (broken != null) {
            throw broken;
        }
    }
}
