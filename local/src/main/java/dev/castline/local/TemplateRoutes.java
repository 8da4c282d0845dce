package dev.castline.local;

import static dev.castline.template.SamTemplate.list;
import static dev.castline.template.SamTemplate.map;

import dev.castline.template.SamTemplate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the local stack needs to know of template.yaml: the HTTP routes with the handler behind
 * each, and which functions S3 notifies. Read from the same template SAM deploys, so the local
 * stack can never route differently from API Gateway.
 */
public record TemplateRoutes(List<Route> routes, List<ObjectCreatedSubscription> subscriptions) {

    /** One HttpApi event: {@code GET /episodes/{slug}} handled by {@code handlerClass}. */
    public record Route(String method, String path, String functionId, String handlerClass) {
        public String routeKey() {
            return method + " " + path;
        }
    }

    /** A function that S3 invokes when an object is created under {@code keyPrefix}. */
    public record ObjectCreatedSubscription(String functionId, String handlerClass, String keyPrefix) {
    }

    public static TemplateRoutes from(SamTemplate template) {
        List<Route> routes = new ArrayList<>();
        List<ObjectCreatedSubscription> subscriptions = new ArrayList<>();
        template.resourcesOfType("AWS::Serverless::Function").forEach((id, properties) -> {
            String handler = (String) properties.get("Handler");
            String handlerClass = handler.substring(0, handler.indexOf("::"));
            for (Object e : map(properties.get("Events")).values()) {
                Map<String, Object> event = map(e);
                Map<String, Object> props = map(event.get("Properties"));
                switch (String.valueOf(event.get("Type"))) {
                    case "HttpApi" -> routes.add(new Route(
                            String.valueOf(props.get("Method")).toUpperCase(java.util.Locale.ROOT),
                            String.valueOf(props.get("Path")), id, handlerClass));
                    // Only object creation has a local counterpart: what S3 tells on removal is for
                    // the CDN, which the local stack does not have.
                    case "S3" -> {
                        if (String.valueOf(props.get("Events")).startsWith("s3:ObjectCreated:")) {
                            subscriptions.add(new ObjectCreatedSubscription(id, handlerClass, prefixOf(props)));
                        }
                    }
                    default -> { }
                }
            }
        });
        return new TemplateRoutes(List.copyOf(routes), List.copyOf(subscriptions));
    }

    private static String prefixOf(Map<String, Object> s3EventProperties) {
        for (Object rule : list(map(map(s3EventProperties.get("Filter")).get("S3Key")).get("Rules"))) {
            if ("prefix".equalsIgnoreCase(String.valueOf(map(rule).get("Name")))) {
                return String.valueOf(map(rule).get("Value"));
            }
        }
        return "";
    }
}
