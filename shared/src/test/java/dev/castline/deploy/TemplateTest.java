package dev.castline.deploy;

import static dev.castline.template.SamTemplate.list;
import static dev.castline.template.SamTemplate.map;
import static org.assertj.core.api.Assertions.assertThat;

import dev.castline.config.AdminConfig;
import dev.castline.config.Config;
import dev.castline.config.MediaConfig;
import dev.castline.store.CastlineTable;
import dev.castline.template.SamTemplate;
import dev.castline.testing.ApiFixture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;

/** Holds template.yaml, the code and the Makefile together, so a deploy can't drift from what was tested. */
class TemplateTest {
    private static final Path ROOT = ApiFixture.root();
    private static final Set<String> READ_FUNCTIONS = Set.of("ListEpisodesFunction", "GetEpisodeFunction", "ShowFunction", "OpenApiFunction", "FeedFunction");
    private static final Pattern MAKE_FUNCTION = Pattern.compile("call lambda_function,(\\w+),([\\w/-]+)\\)");

    private final SamTemplate template = SamTemplate.load(ROOT.resolve("template.yaml"));
    private final Map<String, Map<String, Object>> functions = template.resourcesOfType("AWS::Serverless::Function");

    @Test
    void everyHandlerNamesAClassOfItsOwnFunctionModuleWithALambdaConstructor() throws IOException {
        Map<String, String> modules = makefileModules();
        assertThat(functions).isNotEmpty();
        assertThat(modules.keySet()).as("a Makefile target per function").containsExactlyInAnyOrderElementsOf(functions.keySet());
        for (var function : functions.entrySet()) {
            String handler = (String) function.getValue().get("Handler");
            assertThat(handler).as(function.getKey()).endsWith("::handleRequest");
            String className = handler.substring(0, handler.indexOf("::"));
            Path source = ROOT.resolve(modules.get(function.getKey())).resolve("src/main/java")
                    .resolve(className.replace('.', '/') + ".java");
            assertThat(source).as("%s's handler source", function.getKey()).exists();
            String simpleName = className.substring(className.lastIndexOf('.') + 1);
            String code = Files.readString(source);
            assertThat(code).as("Lambda needs a public no-arg constructor").contains("public " + simpleName + "() {");
            assertThat(code).containsAnyOf("extends ApiHandler", "implements RequestStreamHandler");
        }
    }

    /** What each host function reads besides {@link Config}: required, then optional. */
    private static final Map<String, List<List<String>>> EXTRA_CONFIG = Map.of(
            "AdminFunction", List.of(AdminConfig.REQUIRED, AdminConfig.OPTIONAL),
            "ProcessUploadFunction", List.of(MediaConfig.REQUIRED, MediaConfig.OPTIONAL));

    private static final String JVM_OPTIONS = "JAVA_TOOL_OPTIONS";

    /**
     * A JVM option the runtime's JVM does not know would stop every function from starting. Lambda
     * runs java21; each JDK on this machine (the build's and its siblings) starts with the options
     * passed the way Lambda passes them, through the environment.
     */
    @Test
    void theJvmOptionsTheTemplateSetsStartEveryJdkHere() throws Exception {
        String options = (String) map(map(template.globalFunction().get("Environment")).get("Variables")).get(JVM_OPTIONS);
        assertThat(options).isNotBlank();
        Path home = Path.of(System.getProperty("java.home"));
        List<Path> javas = new ArrayList<>(List.of(home.resolve("bin/java")));
        try (Stream<Path> siblings = Files.list(home.getParent())) {
            siblings.map(jdk -> jdk.resolve("bin/java")).filter(Files::isExecutable)
                    .filter(java -> !java.equals(home.resolve("bin/java"))).forEach(javas::add);
        }
        for (Path java : javas) {
            ProcessBuilder builder = new ProcessBuilder(java.toString(), "-version").redirectErrorStream(true);
            builder.environment().put(JVM_OPTIONS, options);
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes());
            assertThat(process.waitFor()).as(java + ":\n" + output).isZero();
            assertThat(output).as(java + " read the options").contains("Picked up " + JVM_OPTIONS + ": " + options);
        }
    }

    @Test
    void everyVariableTheConfigRequiresIsSetForEveryFunction() {
        Set<String> global = map(map(template.globalFunction().get("Environment")).get("Variables")).keySet();
        for (var function : functions.entrySet()) {
            Set<String> set = new HashSet<>(global);
            set.addAll(map(map(function.getValue().get("Environment")).get("Variables")).keySet());
            List<String> required = new ArrayList<>(Config.REQUIRED);
            List<String> known = new ArrayList<>(Config.REQUIRED);
            known.addAll(Config.OPTIONAL);
            known.add(JVM_OPTIONS); // read by the JVM itself
            List<List<String>> extra = EXTRA_CONFIG.get(function.getKey());
            if (extra != null) {
                required.addAll(extra.get(0));
                known.addAll(extra.get(0));
                known.addAll(extra.get(1));
            }
            assertThat(set).as(function.getKey()).containsAll(required);
            assertThat(known).as("the template sets only variables the code reads").containsAll(set);
        }
    }

    /** In what is deployed (shared and the functions); the benchmarks' baseline reads it as SDK examples do. */
    @Test
    void onlyConfigReadsTheEnvironment() throws IOException {
        try (Stream<Path> sources = Stream.concat(Files.walk(ROOT.resolve("shared")), Files.walk(ROOT.resolve("functions")))) {
            List<Path> offenders = sources
                    .filter(p -> p.toString().endsWith(".java") && p.toString().contains("src/main/java"))
                    .filter(p -> !p.getFileName().toString().equals("Config.java"))
                    .filter(p -> read(p).contains("getenv(\""))
                    .toList();
            assertThat(offenders).isEmpty();
        }
    }

    @Test
    void noRequestPathCodeScans() throws IOException {
        try (Stream<Path> sources = Files.walk(ROOT)) {
            List<Path> offenders = sources
                    .filter(p -> p.toString().endsWith(".java") && p.toString().contains("src/main/java"))
                    .filter(p -> read(p).matches("(?s).*\\.scan(Paginator)?\\(.*"))
                    .toList();
            assertThat(offenders).isEmpty();
        }
    }

    @Test
    void theTableIsDeclaredExactlyAsTheCodeDefinesIt() {
        Map<String, Map<String, Object>> tables = template.resourcesOfType("AWS::DynamoDB::Table");
        assertThat(tables).hasSize(1);
        Map<String, Object> declared = tables.values().iterator().next();
        CreateTableRequest code = CastlineTable.definition("any");

        assertThat(declared.get("BillingMode")).isEqualTo("PAY_PER_REQUEST");
        Map<String, String> attributes = new HashMap<>();
        list(declared.get("AttributeDefinitions")).forEach(a -> attributes.put(
                (String) map(a).get("AttributeName"), (String) map(a).get("AttributeType")));
        Map<String, String> codeAttributes = new HashMap<>();
        code.attributeDefinitions().forEach(a -> codeAttributes.put(a.attributeName(), a.attributeTypeAsString()));
        assertThat(attributes).isEqualTo(codeAttributes);
        assertThat(keySchema(declared.get("KeySchema"))).containsExactlyElementsOf(
                code.keySchema().stream().map(k -> k.attributeName() + ":" + k.keyTypeAsString()).toList());

        List<Object> indexes = list(declared.get("GlobalSecondaryIndexes"));
        assertThat(indexes).hasSize(code.globalSecondaryIndexes().size());
        for (GlobalSecondaryIndex codeIndex : code.globalSecondaryIndexes()) {
            Map<String, Object> index = indexes.stream().map(TemplateTest::asMap)
                    .filter(i -> codeIndex.indexName().equals(i.get("IndexName"))).findFirst()
                    .orElseThrow(() -> new AssertionError("template.yaml lacks index " + codeIndex.indexName()));
            assertThat(keySchema(index.get("KeySchema"))).containsExactlyElementsOf(
                    codeIndex.keySchema().stream().map(k -> k.attributeName() + ":" + k.keyTypeAsString()).toList());
            Map<String, Object> projection = map(index.get("Projection"));
            assertThat(projection.get("ProjectionType")).isEqualTo(codeIndex.projection().projectionTypeAsString());
            assertThat(list(projection.get("NonKeyAttributes"))).containsExactlyInAnyOrderElementsOf(codeIndex.projection().nonKeyAttributes());
        }

        assertThat(map(declared.get("PointInTimeRecoverySpecification")).get("PointInTimeRecoveryEnabled")).isEqualTo(true);
        assertThat(declared.get("DeletionProtectionEnabled")).isEqualTo(true);
    }

    @Test
    void everyRouteHasASampleEventAndReadFunctionsCanOnlyRead() throws IOException {
        Set<String> sampleRoutes = new HashSet<>();
        try (Stream<Path> files = Files.list(ROOT.resolve("events"))) {
            files.forEach(f -> {
                Matcher m = Pattern.compile("\"routeKey\"\\s*:\\s*\"([^\"]+)\"").matcher(read(f));
                if (m.find()) {
                    sampleRoutes.add(m.group(1));
                }
            });
        }
        for (var function : functions.entrySet()) {
            for (Object event : map(function.getValue().get("Events")).values()) {
                Map<String, Object> props = map(map(event).get("Properties"));
                if ("HttpApi".equals(map(event).get("Type"))) {
                    String route = props.get("Method") + " " + props.get("Path");
                    assertThat(sampleRoutes).as("a file in events/ for %s", route).contains(route);
                    assertThat(props.get("PayloadFormatVersion")).isEqualTo("2.0");
                }
            }
            if (READ_FUNCTIONS.contains(function.getKey())) {
                for (Object policy : list(function.getValue().get("Policies"))) {
                    for (Object statement : list(map(policy).get("Statement"))) {
                        Object action = map(statement).get("Action");
                        List<Object> actions = action instanceof List<?> l ? List.copyOf(l) : List.of(action);
                        assertThat(actions).as(function.getKey()).allSatisfy(a ->
                                assertThat((String) a).isIn("dynamodb:GetItem", "dynamodb:Query", "dynamodb:BatchGetItem"));
                    }
                }
            }
        }
    }

    private static Map<String, Object> asMap(Object o) {
        return map(o);
    }

    private static List<String> keySchema(Object schema) {
        return list(schema).stream().map(k -> map(k).get("AttributeName") + ":" + map(k).get("KeyType")).toList();
    }

    private static Map<String, String> makefileModules() throws IOException {
        Map<String, String> modules = new HashMap<>();
        Matcher m = MAKE_FUNCTION.matcher(Files.readString(ROOT.resolve("Makefile")));
        while (m.find()) {
            modules.put(m.group(1), m.group(2));
        }
        return modules;
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
