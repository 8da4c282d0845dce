package dev.castline.deploy;

import static dev.castline.template.SamTemplate.list;
import static dev.castline.template.SamTemplate.map;
import static org.assertj.core.api.Assertions.assertThat;

import dev.castline.config.AdminConfig;
import dev.castline.config.CdnConfig;
import dev.castline.config.Config;
import dev.castline.config.MediaConfig;
import dev.castline.domain.Artwork;
import dev.castline.domain.ImageFormat;
import dev.castline.domain.MediaKey;
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
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;

/** Holds template.yaml, the code and the Makefile together, so a deploy can't drift from what was tested. */
class TemplateTest {
    private static final Path ROOT = ApiFixture.root();
    private static final Set<String> READ_FUNCTIONS = Set.of("ListEpisodesFunction", "GetEpisodeFunction", "ShowFunction", "OpenApiFunction", "FeedFunction", "SiteFunction");
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

    /**
     * The variables that hold secrets. Each goes only to the functions whose code uses it, as a
     * Secrets Manager dynamic reference that CloudFormation resolves when it deploys the function:
     * never in Globals (every function would hold it), never a template parameter.
     */
    private static final List<String> SECRETS = List.of(Config.CURSOR_SIGNING_KEY, AdminConfig.ADMIN_TOKEN_SHA256);

    private static final String JVM_OPTIONS = "JAVA_TOOL_OPTIONS";

    /**
     * A JVM option the runtime's JVM does not know would stop every function from starting. Lambda
     * runs java25; each JDK on this machine (the build's and its siblings) starts with the options
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

    /**
     * Each function gets exactly the variables its code reads: what {@link Config} requires of
     * every function; the cursor signing key where its code asks for it ({@code cursorSigningKey()}:
     * the functions that page); what {@link AdminConfig} or {@link MediaConfig} require where its
     * code reads them; and nothing but optional variables besides. So no function holds a secret
     * it does not use.
     */
    @Test
    void everyFunctionGetsExactlyTheVariablesItsCodeReadsAndNoSecretItDoesNotUse() throws IOException {
        Map<String, String> modules = makefileModules();
        Map<String, Object> global = map(map(template.globalFunction().get("Environment")).get("Variables"));
        assertThat(global.keySet()).as("no secret in Globals, where every function would get it").doesNotContainAnyElementsOf(SECRETS);
        Map<String, Set<String>> holders = new TreeMap<>();
        for (var function : functions.entrySet()) {
            String name = function.getKey();
            String code = mainSources(ROOT.resolve(modules.get(name)));
            Map<String, Object> variables = new HashMap<>(global);
            variables.putAll(map(map(function.getValue().get("Environment")).get("Variables")));

            Set<String> required = new TreeSet<>(Config.REQUIRED);
            Set<String> known = new TreeSet<>(Config.OPTIONAL);
            known.add(JVM_OPTIONS); // read by the JVM itself
            if (code.contains(".cursorSigningKey()")) {
                required.addAll(Config.PAGING);
            }
            if (code.contains("AdminConfig.fromEnvironment(")) {
                required.addAll(AdminConfig.REQUIRED);
                known.addAll(AdminConfig.OPTIONAL);
            }
            if (code.contains("MediaConfig.fromEnvironment(")) {
                required.addAll(MediaConfig.REQUIRED);
                known.addAll(MediaConfig.OPTIONAL);
            }
            if (code.contains("CdnConfig.fromEnvironment(")) {
                required.addAll(CdnConfig.REQUIRED);
            }
            known.addAll(required);
            assertThat(variables.keySet()).as("%s: what its code requires", name).containsAll(required);
            assertThat(known).as("%s: the template sets only variables its code reads", name).containsAll(variables.keySet());
            for (String secret : SECRETS) {
                assertThat(variables.containsKey(secret)).as("%s gets %s if and only if its code uses it", name, secret)
                        .isEqualTo(required.contains(secret));
                if (variables.containsKey(secret)) {
                    holders.computeIfAbsent(secret, s -> new TreeSet<>()).add(name);
                    assertThat(text(variables.get(secret))).as("%s's %s: a Secrets Manager dynamic reference, resolved at deploy", name, secret)
                            .startsWith("{{resolve:secretsmanager:").endsWith("}}");
                }
            }
        }
        // What the code scan found, spelled out, so a scan that finds nothing cannot pass.
        assertThat(holders).isEqualTo(Map.of(
                Config.CURSOR_SIGNING_KEY, Set.of("AdminFunction", "ListEpisodesFunction", "SiteFunction"),
                AdminConfig.ADMIN_TOKEN_SHA256, Set.of("AdminFunction")));
    }

    /** Secrets come from Secrets Manager, not from parameters typed into a deploy. */
    @Test
    void noSecretIsATemplateParameter() throws IOException {
        String text = Files.readString(ROOT.resolve("template.yaml"));
        assertThat(text).doesNotContain("NoEcho");
        Map<String, Map<String, Object>> secrets = template.resourcesOfType("AWS::SecretsManager::Secret");
        assertThat(secrets).as("the cursor signing key is generated by the stack").hasSize(1);
        Map<String, Object> generate = map(secrets.values().iterator().next().get("GenerateSecretString"));
        assertThat((Integer) generate.get("PasswordLength")).isGreaterThanOrEqualTo(Config.MIN_SIGNING_KEY_BYTES);
        assertThat(generate).doesNotContainKey("SecretStringTemplate"); // a plain string, not JSON
    }

    @Test
    void theAudioBucketRefusesRequestsWithoutTls() {
        Map<String, Object> policy = template.resourcesOfType("AWS::S3::BucketPolicy").get("AudioBucketPolicy");
        List<Map<String, Object>> denials = list(map(policy.get("PolicyDocument")).get("Statement")).stream().map(TemplateTest::asMap)
                .filter(st -> "Deny".equals(st.get("Effect"))).toList();
        assertThat(denials).anySatisfy(st -> {
            assertThat(st.get("Principal")).isEqualTo("*");
            assertThat(st.get("Action")).isEqualTo("s3:*");
            assertThat(map(map(st.get("Condition")).get("Bool"))).containsEntry("aws:SecureTransport", "false");
            assertThat(list(st.get("Resource"))).hasSize(2); // the bucket and its objects
        });
    }

    /**
     * Audio leaves listeners' reach in two ways, and the template holds both: CloudFront may read
     * only the media kinds' prefixes (never withheld/, where an unpublished episode's audio waits),
     * and every removal under audio/ reaches the function that invalidates the key, which may do
     * nothing else.
     */
    @Test
    void withdrawnAudioIsUnreadableByTheCdnAndForgottenByIt() {
        Map<String, Object> policy = template.resourcesOfType("AWS::S3::BucketPolicy").get("AudioBucketPolicy");
        List<Map<String, Object>> cdnReads = list(map(policy.get("PolicyDocument")).get("Statement")).stream().map(TemplateTest::asMap)
                .filter(st -> "Allow".equals(st.get("Effect"))).toList();
        assertThat(cdnReads).singleElement().satisfies(st -> {
            assertThat(st.get("Action")).isEqualTo("s3:GetObject");
            // The CDN reads each kind of media key (audio, artwork) and nothing else: never withheld/.
            List<String> readable = list(st.get("Resource")).stream().map(TemplateTest::text).toList();
            assertThat(readable).hasSize(dev.castline.domain.MediaKey.Kind.values().length);
            for (dev.castline.domain.MediaKey.Kind kind : dev.castline.domain.MediaKey.Kind.values()) {
                assertThat(readable).anySatisfy(r -> assertThat(r).endsWith("/" + kind.prefix() + "*"));
            }
            assertThat(readable).noneSatisfy(r -> assertThat(r).contains(dev.castline.domain.MediaKey.WITHHELD_PREFIX));
        });

        Map<String, Object> withdraw = functions.get("WithdrawMediaFunction");
        Map<String, Object> removed = map(map(withdraw.get("Events")).get("AudioRemoved"));
        assertThat(removed.get("Type")).isEqualTo("S3");
        Map<String, Object> props = map(removed.get("Properties"));
        assertThat(props.get("Events")).isEqualTo("s3:ObjectRemoved:*");
        assertThat(map(props.get("Bucket"))).isEqualTo(Map.of("Ref", "AudioBucket"));
        assertThat(list(map(map(props.get("Filter")).get("S3Key")).get("Rules"))).singleElement()
                .isEqualTo(Map.of("Name", "prefix", "Value", dev.castline.domain.MediaKey.Kind.AUDIO.prefix()));
        List<Map<String, Object>> statements = list(map(list(withdraw.get("Policies")).get(0)).get("Statement")).stream()
                .map(TemplateTest::asMap).toList();
        assertThat(statements).singleElement().satisfies(st -> {
            assertThat(st.get("Action")).isEqualTo("cloudfront:CreateInvalidation");
            assertThat(text(st.get("Resource"))).contains("distribution/${MediaDistribution}");
        });
        assertThat(map(map(withdraw.get("Environment")).get("Variables")))
                .containsEntry(CdnConfig.MEDIA_DISTRIBUTION_ID, Map.of("Ref", "MediaDistribution"));
    }

    /**
     * The upload processor writes only an accepted artwork's renditions: PutObject on exactly the
     * keys {@link MediaKey#rendition} makes, for every side and image format, and on nothing else
     * (never an upload's key, never audio).
     */
    @Test
    void theUploadProcessorMayWriteOnlyArtworkRenditions() {
        List<Map<String, Object>> statements = list(map(list(functions.get("ProcessUploadFunction").get("Policies")).get(0)).get("Statement"))
                .stream().map(TemplateTest::asMap).toList();
        List<String> writable = statements.stream()
                .filter(st -> actions(st).stream().anyMatch(a -> a.equals("s3:PutObject") || a.equals("s3:*") || a.equals("*")))
                .flatMap(st -> {
                    assertThat(actions(st)).as("PutObject alone").containsExactly("s3:PutObject");
                    Object resource = st.get("Resource");
                    return (resource instanceof List<?> l ? l.stream() : Stream.of(resource)).map(TemplateTest::text);
                })
                .toList();
        List<String> renditions = new ArrayList<>();
        for (ImageFormat format : ImageFormat.values()) {
            for (int side : Artwork.RENDITION_SIDES) {
                String key = new MediaKey(MediaKey.Kind.ARTWORK, MediaKey.SHOW, "*", format.extension()).rendition(side);
                renditions.add("arn:${AWS::Partition}:s3:::${AudioBucketName}/" + key);
            }
        }
        assertThat(writable).containsExactlyInAnyOrderElementsOf(renditions);
        // What the wildcard lets through is never an upload's key.
        assertThat(MediaKey.parse(MediaKey.newShowArtwork(ImageFormat.PNG).rendition(128))).isEmpty();
    }

    private static List<String> actions(Map<String, Object> statement) {
        Object action = statement.get("Action");
        return (action instanceof List<?> l ? l.stream() : Stream.of(action)).map(String::valueOf).toList();
    }

    /** The host's functions are capped (and guaranteed) a few concurrent executions; the public ones scale. */
    @Test
    void theHostsFunctionsHaveReservedConcurrency() {
        assertThat(functions.get("AdminFunction").get("ReservedConcurrentExecutions")).isEqualTo(Map.of("Ref", "AdminReservedConcurrency"));
        assertThat(functions.get("ProcessUploadFunction").get("ReservedConcurrentExecutions")).isEqualTo(Map.of("Ref", "UploadReservedConcurrency"));
        assertThat(functions.get("WithdrawMediaFunction").get("ReservedConcurrentExecutions")).isEqualTo(Map.of("Ref", "UploadReservedConcurrency"));
        READ_FUNCTIONS.forEach(f -> assertThat(functions.get(f)).as(f).doesNotContainKey("ReservedConcurrentExecutions"));
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

    /** A string, or the string of an {@code Fn::Sub}. */
    private static String text(Object value) {
        if (value instanceof String s) {
            return s;
        }
        Object sub = value instanceof Map<?, ?> m ? m.get("Fn::Sub") : null;
        return sub instanceof List<?> l ? String.valueOf(l.get(0)) : String.valueOf(sub != null ? sub : value);
    }

    /** Every main source of a function module, concatenated. */
    private static String mainSources(Path module) throws IOException {
        try (Stream<Path> files = Files.walk(module.resolve("src/main/java"))) {
            return files.filter(p -> p.toString().endsWith(".java")).map(TemplateTest::read).collect(java.util.stream.Collectors.joining("\n"));
        }
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
