package dev.conclave.systemtests.fleet;

import dev.conclave.systemtests.SystemTest;
import dev.conclave.systemtests.SystemTest.Panel;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts the {@link Fleet} once for the whole test run and hands it to test classes as a
 * constructor or method parameter. It lives in the root context's store, which closes it (so the
 * services stop) when the last test class has finished. A fleet that failed to start is not
 * retried by every following class: each reports the same failure at once.
 */
public final class FleetExtension implements BeforeAllCallback, ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(FleetExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        launch(context).fleet();
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Fleet.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return launch(context).fleet();
    }

    private static Launch launch(ExtensionContext context) {
        Panel panel = context.getRequiredTestClass().getAnnotation(SystemTest.class) == null ? Panel.OFFLINE
                : context.getRequiredTestClass().getAnnotation(SystemTest.class).panel();
        Launch launch = context.getRoot().getStore(NAMESPACE)
                .computeIfAbsent(Launch.class, type -> Launch.start(panel), Launch.class);
        if (launch.panel() != panel) {
            throw new IllegalStateException(context.getRequiredTestClass().getSimpleName() + " needs the " + panel
                    + " fleet but this run started the " + launch.panel() + " fleet; put it in package models (OPENROUTER)"
                    + " or outside it (OFFLINE), whose failsafe executions run apart");
        }
        return launch;
    }

    /** The fleet, or why it could not start; closed by JUnit with the root store. */
    private record Launch(Panel panel, Fleet started, RuntimeException failure) implements AutoCloseable {

        static Launch start(Panel panel) {
            try {
                return new Launch(panel, panel == Panel.OPENROUTER ? Fleet.launchWithFakeOpenRouter(8) : Fleet.launch(),
                        null);
            } catch (RuntimeException e) {
                return new Launch(panel, null, e);
            }
        }

        Fleet fleet() {
            if (failure != null) {
                throw new IllegalStateException("the Conclave fleet did not start: " + failure.getMessage(), failure);
            }
            return started;
        }

        @Override
        public void close() {
            if (started != null) {
                started.close();
            }
        }
    }
}
