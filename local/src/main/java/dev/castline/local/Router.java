package dev.castline.local;

import dev.castline.local.TemplateRoutes.Route;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Matches a request to a route the way API Gateway's HTTP API does: the most specific route
 * wins (literal segments before {@code {param}}, before a greedy {@code {proxy+}}); a path that
 * matches no route with this method is not found.
 */
final class Router<T> {
    record Match<T>(Route route, T target, Map<String, String> pathParameters) {
    }

    private record Entry<T>(Route route, String[] segments, T target) {
    }

    private final List<Entry<T>> entries = new ArrayList<>();

    void add(Route route, T target) {
        entries.add(new Entry<>(route, split(route.path()), target));
        entries.sort(Comparator.comparingInt((Entry<T> e) -> -specificity(e.segments())));
    }

    Optional<Match<T>> match(String method, String rawPath) {
        String[] parts = split(rawPath);
        for (Entry<T> e : entries) {
            if (!e.route().method().equals(method) && !e.route().method().equals("ANY")) {
                continue;
            }
            Map<String, String> params = bind(e.segments(), parts);
            if (params != null) {
                return Optional.of(new Match<>(e.route(), e.target(), params));
            }
        }
        return Optional.empty();
    }

    private static Map<String, String> bind(String[] pattern, String[] parts) {
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 0; i < pattern.length; i++) {
            String p = pattern[i];
            if (p.startsWith("{") && p.endsWith("+}")) {
                if (i >= parts.length) {
                    return null;
                }
                List<String> rest = new ArrayList<>();
                for (int j = i; j < parts.length; j++) {
                    rest.add(GatewayEvent.decode(parts[j]));
                }
                params.put(p.substring(1, p.length() - 2), String.join("/", rest));
                return params;
            }
            if (i >= parts.length) {
                return null;
            }
            if (p.startsWith("{") && p.endsWith("}")) {
                if (parts[i].isEmpty()) {
                    return null;
                }
                params.put(p.substring(1, p.length() - 1), GatewayEvent.decode(parts[i]));
            } else if (!p.equals(parts[i])) {
                return null;
            }
        }
        return pattern.length == parts.length ? params : null;
    }

    private static int specificity(String[] segments) {
        int score = 0;
        for (String s : segments) {
            score += s.endsWith("+}") ? 0 : s.startsWith("{") ? 1 : 3;
        }
        return score * 100 + segments.length;
    }

    private static String[] split(String path) {
        String trimmed = path.startsWith("/") ? path.substring(1) : path;
        return trimmed.isEmpty() ? new String[0] : trimmed.split("/", -1);
    }
}
