package dev.castline.http;

import java.util.Map;
import java.util.Optional;

/**
 * The parts of an API Gateway HTTP API (payload format 2.0) event that handlers use.
 *
 * @param routeKey the route API Gateway matched, e.g. {@code GET /episodes/{slug}}
 * @param headers header names lower-cased, as API Gateway sends them; repeated headers joined by commas
 * @param queryParameters repeated parameters joined by commas, as API Gateway does
 * @param body the body as text (decoded from base64 when the event says so), or null
 */
public record ApiRequest(
        String routeKey,
        String method,
        String rawPath,
        String rawQueryString,
        Map<String, String> headers,
        Map<String, String> queryParameters,
        Map<String, String> pathParameters,
        String requestId,
        String sourceIp,
        String body) {

    public ApiRequest {
        headers = Map.copyOf(headers);
        queryParameters = Map.copyOf(queryParameters);
        pathParameters = Map.copyOf(pathParameters);
    }

    public Optional<String> header(String lowerCaseName) {
        return Optional.ofNullable(headers.get(lowerCaseName));
    }

    public Optional<String> query(String name) {
        return Optional.ofNullable(queryParameters.get(name));
    }

    public Optional<String> path(String name) {
        return Optional.ofNullable(pathParameters.get(name));
    }
}
