package dev.castline.deploy;

import static dev.castline.template.SamTemplate.list;
import static dev.castline.template.SamTemplate.map;
import static org.assertj.core.api.Assertions.assertThat;

import dev.castline.api.Paths;
import dev.castline.template.SamTemplate;
import dev.castline.testing.ApiContract;
import dev.castline.testing.ApiFixture;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The CloudFront distribution in front of the HTTP API, held to the routes (template.yaml) and the
 * contract (api/openapi.yaml): every public GET is cached under its path and exactly the query
 * parameters it documents, no more (a parameter nobody reads would split the cache and let anyone
 * buy a request to the functions) and no fewer (two pages would share one cache entry); the host's
 * API is never cached and gets every header it needs.
 *
 * <p>Requests are matched to cache behaviours as CloudFront matches them: the behaviours in order,
 * the first whose path pattern matches ({@code *} any run of characters, {@code /} included;
 * {@code ?} one character; case-sensitive; the leading {@code /} optional), else the default one.
 */
class TemplateCdnTest {
    private static final Path ROOT = ApiFixture.root();
    /** Managed cache policy CachingDisabled. */
    static final String CACHING_DISABLED = "4135ea2d-6df8-44a3-9df3-4b5a84be39ad";
    /** Managed origin request policy AllViewerExceptHostHeader: API Gateway needs its own Host. */
    static final String ALL_VIEWER_EXCEPT_HOST_HEADER = "b689b0a8-53d0-40ab-baf2-68738e2966ac";
    static final Set<String> ALL_METHODS = Set.of("GET", "HEAD", "OPTIONS", "PUT", "PATCH", "POST", "DELETE");
    /** The longest the edge may keep anything, whatever max-age the functions send: a day. */
    static final long MAX_TTL = 86_400;

    private final SamTemplate template = SamTemplate.load(ROOT.resolve("template.yaml"));
    private final Map<String, Object> contract = yaml(ROOT.resolve(ApiContract.DOCUMENT));
    private final Distribution site = Distribution.inFrontOfTheHttpApi(template);

    @Test
    void everyPublicRouteIsCachedUnderItsPathAndExactlyTheQueryParametersItDocuments() {
        List<String> routes = publicRoutes();
        assertThat(routes).as("public routes in template.yaml").contains("GET /feed.xml", "GET /api/v1/episodes");
        for (String route : routes) {
            String method = route.substring(0, route.indexOf(' '));
            String path = route.substring(route.indexOf(' ') + 1);
            Behaviour behaviour = site.behaviourFor(example(path));
            Set<String> documented = documentedQueryParameters(method, path);
            assertCachedPublicly(route, behaviour, method);
            assertThat(new TreeSet<>(site.cacheKeyQueryStrings(behaviour)))
                    .as("%s is cached by the behaviour %s, whose cache key must hold exactly the query parameters %s documents"
                            + " for it (in: query)", route, behaviour, ApiContract.DOCUMENT)
                    .isEqualTo(documented);
        }
    }

    @Test
    void theHostsApiIsNeverCachedAndGetsEveryViewerHeaderButHost() {
        List<String> routes = OpenApiRoutesTest.templateRoutes(template).stream().filter(r -> isAdmin(r.substring(r.indexOf(' ') + 1))).toList();
        assertThat(routes).as("admin routes in template.yaml").isNotEmpty();
        List<String> paths = new ArrayList<>(routes.stream().map(r -> example(r.substring(r.indexOf(' ') + 1))).toList());
        // Paths no route has yet, under the same prefix, go the same way: nothing of the host's is ever cached.
        paths.addAll(List.of(Paths.ADMIN + "/", Paths.ADMIN + "/anything/to/come"));
        for (String path : paths) {
            Behaviour behaviour = site.behaviourFor(path);
            assertThat(behaviour.properties().get("CachePolicyId")).as("%s is served by %s: caching disabled", path, behaviour)
                    .isEqualTo(CACHING_DISABLED);
            assertThat(behaviour.properties().get("OriginRequestPolicyId")).as("%s: every viewer header but Host forwarded (%s)", path, behaviour)
                    .isEqualTo(ALL_VIEWER_EXCEPT_HOST_HEADER);
            assertThat(strings(behaviour.properties().get("AllowedMethods"))).as("%s: every method", path).containsAll(ALL_METHODS);
            assertThat(behaviour.properties().get("ViewerProtocolPolicy")).as("%s: a bearer token never travels in clear", path)
                    .isEqualTo("https-only");
            assertThat(behaviour.properties().get("Compress")).as("%s: strong ETags stay strong for If-Match", path).isEqualTo(false);
            assertThat(behaviour.properties().get("TargetOriginId")).isEqualTo(site.apiOriginId());
        }
    }

    /** CloudFront reaches API Gateway over TLS only. */
    @Test
    void theOriginIsTheHttpApiOverHttpsOnly() {
        Map<String, Object> origin = site.apiOrigin();
        Map<String, Object> custom = map(origin.get("CustomOriginConfig"));
        assertThat(custom.get("OriginProtocolPolicy")).isEqualTo("https-only");
        assertThat(strings(custom.get("OriginSSLProtocols"))).containsExactly("TLSv1.2");
    }

    @Test
    void theWafAndTheCustomDomainAreOptionalAndWiredToTheDistribution() {
        Map<String, Object> config = site.config();
        Map<String, Object> acl = map(template.resources().get("SiteWebAcl"));
        assertThat(acl.get("Type")).isEqualTo("AWS::WAFv2::WebACL");
        assertThat(acl.get("Condition")).as("only when EnableWaf").isEqualTo("WafEnabled");
        Map<String, Object> aclProperties = map(acl.get("Properties"));
        assertThat(aclProperties.get("Scope")).isEqualTo("CLOUDFRONT");
        Map<String, Object> rate = map(map(map(list(aclProperties.get("Rules")).get(0)).get("Statement")).get("RateBasedStatement"));
        assertThat(rate.get("AggregateKeyType")).isEqualTo("IP");
        assertThat(rate.get("Limit")).isEqualTo(Map.of("Ref", "WafRateLimit"));
        assertThat(list(map(config.get("WebACLId")).get("Fn::If")).get(0)).isEqualTo("WafEnabled");

        assertThat(list(map(config.get("Aliases")).get("Fn::If")).get(0)).isEqualTo("HasCustomDomain");
        List<Object> certificate = list(map(config.get("ViewerCertificate")).get("Fn::If"));
        assertThat(certificate.get(0)).isEqualTo("HasCustomDomain");
        assertThat(map(certificate.get(1))).containsEntry("AcmCertificateArn", Map.of("Ref", "CertificateArn"))
                .containsEntry("SslSupportMethod", "sni-only");
        assertThat(map(certificate.get(2))).containsEntry("CloudFrontDefaultCertificate", true);
    }

    private void assertCachedPublicly(String route, Behaviour behaviour, String method) {
        Map<String, Object> b = behaviour.properties();
        assertThat(b.get("TargetOriginId")).as("%s goes to the HTTP API", route).isEqualTo(site.apiOriginId());
        assertThat(b.get("CachePolicyId")).as("%s is cached (%s)", route, behaviour).isNotEqualTo(CACHING_DISABLED);
        assertThat(b.get("OriginRequestPolicyId"))
                .as("%s: an origin request policy would send the functions what the cache key does not hold (%s)", route, behaviour)
                .isNull();
        assertThat(strings(b.get("AllowedMethods"))).as("%s allowed by %s", route, behaviour).contains(method);
        assertThat(b.get("Compress")).as("%s compressed at the edge (%s)", route, behaviour).isEqualTo(true);
        assertThat(b.get("ViewerProtocolPolicy")).as(route).isIn("redirect-to-https", "https-only");

        Map<String, Object> policy = site.cachePolicy(behaviour);
        assertThat(policy.get("MinTTL")).as("%s: MinTTL 0 so the functions' Cache-Control (no-cache, no-store) rules", route).isEqualTo(0);
        assertThat(((Number) policy.get("DefaultTTL")).longValue()).as(route).isPositive().isLessThanOrEqualTo(MAX_TTL);
        assertThat(((Number) policy.get("MaxTTL")).longValue()).as(route).isLessThanOrEqualTo(MAX_TTL);
        Map<String, Object> key = map(policy.get("ParametersInCacheKeyAndForwardedToOrigin"));
        assertThat(key.get("EnableAcceptEncodingGzip")).as("%s: gzip at the edge", route).isEqualTo(true);
        assertThat(key.get("EnableAcceptEncodingBrotli")).as("%s: brotli at the edge", route).isEqualTo(true);
        assertThat(map(key.get("HeadersConfig")).get("HeaderBehavior")).as("%s: no header in the cache key", route).isEqualTo("none");
        assertThat(map(key.get("CookiesConfig")).get("CookieBehavior")).as("%s: no cookie in the cache key", route).isEqualTo("none");
    }

    /** {@code METHOD /path} of every GET or HEAD route outside the host's API. */
    private List<String> publicRoutes() {
        return OpenApiRoutesTest.templateRoutes(template).stream()
                .filter(r -> r.startsWith("GET ") || r.startsWith("HEAD "))
                .filter(r -> !isAdmin(r.substring(r.indexOf(' ') + 1)))
                .toList();
    }

    private static boolean isAdmin(String path) {
        return path.equals(Paths.ADMIN) || path.startsWith(Paths.ADMIN + "/");
    }

    /** A request path for a route's path template: each {@code {parameter}} becomes a sample value. */
    static String example(String pathTemplate) {
        return pathTemplate.replaceAll("\\{[^/{}]+}", "sample-value");
    }

    /** The names of the {@code in: query} parameters of the operation, its path's included, {@code $ref}s resolved. */
    private Set<String> documentedQueryParameters(String method, String path) {
        Map<String, Object> pathItem = map(map(contract.get("paths")).get(path));
        Map<String, Object> operation = map(pathItem.get(method.toLowerCase(Locale.ROOT)));
        assertThat(operation).as("%s %s in %s", method, path, ApiContract.DOCUMENT).isNotEmpty();
        List<Object> parameters = new ArrayList<>(list(pathItem.get("parameters")));
        parameters.addAll(list(operation.get("parameters")));
        Set<String> names = new TreeSet<>();
        for (Object p : parameters) {
            Map<String, Object> parameter = resolve(map(p));
            if ("query".equals(parameter.get("in"))) {
                names.add((String) parameter.get("name"));
            }
        }
        return names;
    }

    private Map<String, Object> resolve(Map<String, Object> node) {
        Object ref = node.get("$ref");
        if (ref == null) {
            return node;
        }
        String pointer = (String) ref;
        assertThat(pointer).as("a reference within the document").startsWith("#/");
        Object target = contract;
        for (String part : pointer.substring(2).split("/")) {
            target = map(target).get(part.replace("~1", "/").replace("~0", "~"));
        }
        assertThat(target).as("%s resolves", pointer).isNotNull();
        return resolve(map(target));
    }

    private static Map<String, Object> yaml(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return map(new Yaml(new SafeConstructor(new LoaderOptions())).load(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> strings(Object o) {
        return list(o).stream().map(String::valueOf).toList();
    }

    /** A cache behaviour: its path pattern ({@code null} for the default one) and its properties. */
    record Behaviour(String pathPattern, Map<String, Object> properties) {
        boolean matches(String path) {
            if (pathPattern == null) {
                return true;
            }
            String pattern = pathPattern.startsWith("/") ? pathPattern : "/" + pathPattern;
            StringBuilder regex = new StringBuilder();
            for (char c : pattern.toCharArray()) {
                regex.append(switch (c) {
                    case '*' -> ".*";
                    case '?' -> ".";
                    default -> Pattern.quote(String.valueOf(c));
                });
            }
            return path.matches(regex.toString());
        }

        @Override
        public String toString() {
            return pathPattern == null ? "(default)" : "'" + pathPattern + "'";
        }
    }

    /** The CloudFront distribution whose origin is the HTTP API, as template.yaml declares it. */
    record Distribution(SamTemplate template, Map<String, Object> config, Map<String, Object> apiOrigin) {
        static Distribution inFrontOfTheHttpApi(SamTemplate template) {
            List<Distribution> found = new ArrayList<>();
            template.resourcesOfType("AWS::CloudFront::Distribution").forEach((id, properties) -> {
                Map<String, Object> config = map(properties.get("DistributionConfig"));
                for (Object origin : list(config.get("Origins"))) {
                    if (String.valueOf(map(origin).get("DomainName")).contains("${HttpApi}.execute-api.")) {
                        found.add(new Distribution(template, config, map(origin)));
                    }
                }
            });
            assertThat(found).as("one CloudFront distribution in front of the HTTP API").hasSize(1);
            return found.get(0);
        }

        String apiOriginId() {
            return (String) apiOrigin.get("Id");
        }

        /** The behaviour CloudFront applies to a request for this path. */
        Behaviour behaviourFor(String path) {
            List<Behaviour> behaviours = new ArrayList<>();
            for (Object b : list(config.get("CacheBehaviors"))) {
                behaviours.add(new Behaviour((String) map(b).get("PathPattern"), map(b)));
            }
            behaviours.add(new Behaviour(null, map(config.get("DefaultCacheBehavior"))));
            return behaviours.stream().filter(b -> b.matches(path)).findFirst().orElseThrow();
        }

        /** The cache policy of this stack a behaviour uses (a managed one is not a cache policy of the routes). */
        Map<String, Object> cachePolicy(Behaviour behaviour) {
            Object id = behaviour.properties().get("CachePolicyId");
            assertThat(id).as("%s uses a cache policy of this stack (Ref), not %s", behaviour, id).isInstanceOf(Map.class);
            String ref = (String) map(id).get("Ref");
            Map<String, Object> resource = map(template.resources().get(ref));
            assertThat(resource.get("Type")).as("%s's CachePolicyId names %s", behaviour, ref).isEqualTo("AWS::CloudFront::CachePolicy");
            return map(map(resource.get("Properties")).get("CachePolicyConfig"));
        }

        /** The query parameters in a behaviour's cache key, which are also the only ones the functions get. */
        List<String> cacheKeyQueryStrings(Behaviour behaviour) {
            Map<String, Object> query = map(map(cachePolicy(behaviour).get("ParametersInCacheKeyAndForwardedToOrigin")).get("QueryStringsConfig"));
            Object kind = query.get("QueryStringBehavior");
            assertThat(kind).as("%s's cache policy: the cache key names its query parameters (whitelist) or has none", behaviour)
                    .isIn("none", "whitelist");
            return "none".equals(kind) ? List.of() : strings(query.get("QueryStrings"));
        }

        @Override
        public String toString() {
            return "the distribution in front of the HTTP API";
        }
    }
}
