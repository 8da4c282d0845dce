package dev.castline.local;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts one local stack, in memory on free ports with the sample show, for the whole test run,
 * and hands it to any test method or constructor that asks for a {@link LocalStack}. It stops
 * when the run ends. Tests share it, so they only add data under names of their own.
 */
public final class LocalStackExtension implements ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(LocalStackExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == LocalStack.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent("stack", key -> LocalStack.start(LocalStack.Settings.inMemoryOnFreePorts()), LocalStack.class);
    }
}
