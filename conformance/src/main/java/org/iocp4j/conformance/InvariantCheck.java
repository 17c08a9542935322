package org.iocp4j.conformance;

import java.lang.reflect.Method;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;
import org.opentest4j.TestAbortedException;

/**
 * The JUnit extension on every {@link ConformanceSuite}: runs each test inside the backend's
 * {@link Harness#run}, and after it checks what the test left behind (Caffeine's validation
 * interceptor, Netty's leak check): the backend's invariants for every port the test opened, no
 * thread still running, every port closed, no packet lost or delivered twice. A test skipped by an
 * assumption is only cleaned up.
 */
public final class InvariantCheck implements InvocationInterceptor, AfterEachCallback {

    /** Created by JUnit. */
    public InvariantCheck() {
        // stateless
    }

    @Override
    public void interceptTestMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> call,
            ExtensionContext context) throws Throwable {
        inHarness(invocation, context);
    }

    @Override
    public void interceptTestTemplateMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> call,
            ExtensionContext context) throws Throwable {
        inHarness(invocation, context);
    }

    private static void inHarness(Invocation<Void> invocation, ExtensionContext context) throws Throwable {
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        suite(context).harness().run(() -> {
            try {
                invocation.proceed();
            } catch (Throwable t) {
                thrown.set(t);
            }
        });
        if (thrown.get() != null) {
            throw thrown.get();
        }
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        ConformanceSuite suite = suite(context);
        Ledger ledger = suite.finishTest();
        BackendFixture fixture = suite.backend();
        AtomicReference<List<String>> problems = new AtomicReference<>(List.of());
        fixture.harness().run(() -> problems.set(ledger.finish(fixture)));
        boolean aborted = context.getExecutionException().filter(TestAbortedException.class::isInstance).isPresent();
        if (!aborted && !problems.get().isEmpty()) {
            throw new AssertionError("after " + context.getDisplayName() + " on backend '" + fixture.name() + "': "
                    + String.join("; ", problems.get()));
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
