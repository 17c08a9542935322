package org.iocp4j.sim;

import java.lang.reflect.Method;
import java.util.List;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.ReflectionSupport;

/**
 * Runs a {@link SimProperty} method through the {@link PropertyRunner}: JUnit's own invocation is
 * skipped and the method is called once per run, on the simulation's main thread, with that run's
 * {@link Sim}.
 */
public final class SimPropertyExtension implements ParameterResolver, InvocationInterceptor {

    public SimPropertyExtension() {
        // JUnit
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Sim.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return null; // each run passes its own Sim
    }

    @Override
    public void interceptTestMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> call,
            ExtensionContext context) {
        invocation.skip();
        Method method = call.getExecutable();
        SimProperty p = AnnotationSupport.findAnnotation(method, SimProperty.class).orElseThrow(
                () -> new IllegalStateException(method + " uses SimPropertyExtension without @SimProperty"));
        Object target = call.getTarget().orElse(null);
        List<Object> resolved = call.getArguments();
        Class<?>[] types = method.getParameterTypes();
        Sim.Scenario scenario = sim -> {
            Object[] args = resolved.toArray();
            for (int i = 0; i < types.length; i++) {
                if (types[i] == Sim.class) {
                    args[i] = sim;
                }
            }
            ReflectionSupport.invokeMethod(method, target, args);
        };
        PropertyRunner runner = PropertyRunner.of(scenario)
                .name(method.getDeclaringClass().getSimpleName() + "." + method.getName())
                .seeds(p.seeds())
                .firstSeed(p.firstSeed())
                .shrinkRuns(p.shrinkRuns())
                .options(SimOptions.builder().maxSteps(p.stepBudget()).build());
        PropertyReport report = switch (p.mode()) {
            case RANDOM_WALK -> runner.strategy(Strategy.randomWalk()).check();
            case PCT -> runner.strategy(Strategy.pct(p.depth())).check();
            case EXHAUSTIVE -> runner.explore(p.maxThreads(), p.maxSteps());
        };
        context.publishReportEntry("iocp4j.sim", report.describe());
    }
}
