package org.iocp4j.conformance;

import java.lang.reflect.Method;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;
import org.opentest4j.TestAbortedException;

/**
 * The JUnit extension on every {@link ConformanceSuite} (Caffeine's validation interceptor,
 * Netty's leak check): runs each test inside the backend's {@link Harness#run} and, in the same
 * run (on the simulator: the same simulation), checks what the test left behind: the backend's
 * invariants for every port the test opened (just before its close and at the end), no thread
 * still running, every port closed, no packet lost or delivered twice. Then it cleans up. A test
 * skipped by an assumption is only cleaned up; a failed test gets the problems as suppressed
 * exceptions.
 */
public final class InvariantCheck implements InvocationInterceptor {

    /** Created by JUnit. */
    public InvariantCheck() {
        // stateless
    }

    @Override
    public void interceptTestMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> call,
            ExtensionContext context) throws Throwable {
        checked(invocation, context);
    }

    @Override
    public void interceptTestTemplateMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> call,
            ExtensionContext context) throws Throwable {
        checked(invocation, context);
    }

    private static void checked(Invocation<Void> invocation, ExtensionContext context) throws Throwable {
        ConformanceSuite suite = suite(context);
        BackendFixture fixture = suite.backend();
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        AtomicReference<List<String>> problems = new AtomicReference<>(List.of());
        fixture.harness().run(() -> {
            try {
                invocation.proceed();
            } catch (Throwable t) {
                thrown.set(t);
            } finally {
                problems.set(suite.finishTest().finish(fixture));
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

    private static ConformanceSuite suite(ExtensionContext context) {
        Object instance = context.getRequiredTestInstance();
        if (!(instance instanceof ConformanceSuite suite)) {
            throw new IllegalStateException(InvariantCheck.class.getSimpleName() + " works on ConformanceSuite "
                    + "subclasses, not " + instance.getClass().getName());
        }
        return suite;
    }
}
