package dev.castline.local;

import java.net.URI;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.localstack.LocalStackContainer;
import org.testcontainers.containers.localstack.LocalStackContainer.Service;
import org.testcontainers.utility.DockerImageName;

/**
 * Starts one local stack, in memory on free ports with the sample show, for the whole test run,
 * and hands it to any test method or constructor that asks for a {@link CastlineLocal}. It stops
 * when the run ends. Tests share it, so they only add data under names of their own.
 *
 * <p>With {@code -Plocalstack} (system property {@code castline.backend=localstack}) DynamoDB and
 * S3 come from a LocalStack container instead of the embedded emulators; without a Docker engine
 * those tests are skipped, saying why.
 */
public final class CastlineLocalExtension implements ExecutionCondition, ParameterResolver {
    /** A tag that needs no auth token; override with CASTLINE_LOCALSTACK_IMAGE. */
    static final String DEFAULT_LOCALSTACK_IMAGE = "localstack/localstack:3.8.1";
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(CastlineLocalExtension.class);

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (!onLocalStack()) {
            return ConditionEvaluationResult.enabled("embedded emulators");
        }
        boolean docker = context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent("docker", key -> DockerClientFactory.instance().isDockerAvailable(), Boolean.class);
        return docker
                ? ConditionEvaluationResult.enabled("CastlineLocal in Docker")
                : ConditionEvaluationResult.disabled("-Plocalstack needs a Docker engine and none is available: skipped");
    }

    private static boolean onLocalStack() {
        return "localstack".equals(System.getProperty("castline.backend"));
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == CastlineLocal.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        ExtensionContext.Store store = context.getRoot().getStore(NAMESPACE);
        if (!onLocalStack()) {
            return store.getOrComputeIfAbsent("stack", key -> CastlineLocal.start(CastlineLocal.Settings.inMemoryOnFreePorts()), CastlineLocal.class);
        }
        LocalStackContainer container = store.getOrComputeIfAbsent("container", key -> {
            LocalStackContainer c = new LocalStackContainer(DockerImageName.parse(
                    System.getenv().getOrDefault("CASTLINE_LOCALSTACK_IMAGE", DEFAULT_LOCALSTACK_IMAGE))
                    .asCompatibleSubstituteFor("localstack/localstack"))
                    .withServices(Service.DYNAMODB, Service.S3)
                    // Check presigned URLs' signatures as S3 does.
                    .withEnv("S3_SKIP_SIGNATURE_VALIDATION", "0");
            c.start();
            return c;
        }, LocalStackContainer.class);
        return store.getOrComputeIfAbsent("stack", key -> CastlineLocal.start(new CastlineLocal.Settings(0, 0, 0, null, true, null,
                new CastlineLocal.External(URI.create(container.getEndpointOverride(Service.DYNAMODB).toString()),
                        URI.create(container.getEndpointOverride(Service.S3).toString()),
                        container.getAccessKey(), container.getSecretKey()))), CastlineLocal.class);
    }
}
