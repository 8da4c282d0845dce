package dev.castline.cli;

import dev.castline.local.CastlineLocal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * One local stack (in memory, free ports, no sample show) for the whole test run, its functions on
 * a clock the tests can move forward, handed to any test that asks for a {@link LocalStack.Running}.
 */
public final class LocalStack implements ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(LocalStack.class);

    public record Running(CastlineLocal stack, dev.castline.testing.MovableClock clock) implements ExtensionContext.Store.CloseableResource, AutoCloseable {
        @Override
        public void close() {
            stack.close();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Running.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent("stack", key -> {
            dev.castline.testing.MovableClock clock = new dev.castline.testing.MovableClock();
            CastlineLocal stack = CastlineLocal.start(new CastlineLocal.Settings(0, 0, 0, null, false, null), clock);
            Running running = new Running(stack, clock);
            Cli.on(running).ok("show", "set", "title=Running Locally", "author=Castline Tests", "description=Episodes pushed by the CLI tests.",
                    "language=en-us", "artworkUrl=https://example.com/art.png", "appleCategory=Technology", "ownerName=Castline Tests",
                    "ownerEmail=tests@example.com", "siteBaseUrl=" + stack.baseUrl(), "feedUrl=" + stack.baseUrl() + "/feed.xml");
            return running;
        }, Running.class);
    }
}
