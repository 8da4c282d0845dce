package dev.castline.lambda;

import dev.castline.http.ApiException;
import dev.castline.http.ApiRequest;
import dev.castline.http.ApiResponse;
import dev.castline.http.Conditional;
import dev.castline.http.Json;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.castline.domain.NotFoundException;
import dev.castline.domain.ValidationException;
import dev.castline.store.ConflictException;
import dev.castline.store.StoreUnavailableException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.crac.Core;
import org.crac.Resource;

/**
 * The Lambda entry point every HTTP function shares: read the event, run the route, turn every
 * failure into a JSON error with the right status, and answer conditional GETs. Subclasses only
 * write {@link #handle}: no error path is written twice.
 *
 * <p>Failures map in one place: {@link ApiException} and {@link ValidationException} are the
 * client's (4xx, with the field), a missing thing is 404, a conflict is 409 (412 when the version
 * the client named has moved on), an unavailable store is 503 with
 * {@code Retry-After}, and anything else is a fault of ours: 500, logged with the request id,
 * its text never sent.
 */
public abstract class ApiHandler implements RequestStreamHandler, Resource {
    static final String RETRY_AFTER_SECONDS = "1";
    /** Preloading takes a fraction of a second; the wait is bounded all the same. */
    private static final long PRELOAD_WAIT_MILLIS = 5_000;

    static {
        // Before any subclass constructor runs, so the preloading overlaps building the AWS client.
        Preloader.startInBackground();
    }

    private final String cacheControl;

    protected ApiHandler(Duration publicCacheMaxAge) {
        this.cacheControl = "public, max-age=" + publicCacheMaxAge.toSeconds();
        // SnapStart calls beforeCheckpoint before it snapshots the initialised function; the
        // runtime holds the handler, so the registration lives as long as it does.
        Core.getGlobalContext().register(this);
    }

    /**
     * An event that runs this function's real request path cheaply (parsing, the store, one
     * DynamoDB call, the response writer), or null for none. SnapStart priming sends it before the
     * snapshot, so that a restored function's first listener does not pay for loading and
     * initialising all of that.
     */
    protected String primingEvent() {
        return null;
    }

    @Override
    public void beforeCheckpoint(org.crac.Context<? extends Resource> context) throws IOException {
        Preloader.awaitFinished(PRELOAD_WAIT_MILLIS);
        String event = primingEvent();
        if (event != null) {
            handleRequest(new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)), OutputStream.nullOutputStream(), null);
        }
    }

    @Override
    public void afterRestore(org.crac.Context<? extends Resource> context) {
        // Nothing is tied to the snapshot's moment: clients reconnect as needed, time is read per request.
    }

    /** Answers one request; thrown exceptions become error responses. */
    protected abstract ApiResponse handle(ApiRequest request);

    @Override
    public final void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        ApiEvents.write(respond(input, context), output);
    }

    private ApiResponse respond(InputStream input, Context context) {
        ApiRequest request;
        try {
            request = ApiEvents.read(input);
        } catch (ApiEvents.MalformedEventException | IOException e) {
            String id = context == null ? "unknown" : context.getAwsRequestId();
            Log.error(context, id, "unreadable event", e);
            return failure(500, "internal_error", "The server could not read the request.", null);
        }
        try {
            return conditional(request, handle(request));
        } catch (ApiException e) {
            return failure(e.status(), e.code(), e.getMessage(), e.field());
        } catch (ValidationException e) {
            return failure(400, "bad_request", e.field() + " " + e.getMessage(), e.field());
        } catch (NotFoundException e) {
            return failure(404, "not_found", e.getMessage(), null);
        } catch (ConflictException e) {
            return conflict(e);
        } catch (StoreUnavailableException e) {
            Log.warn(context, request.requestId(), "store unavailable", e);
            return failure(503, "unavailable", "The service is busy; try again shortly.", null)
                    .header("retry-after", RETRY_AFTER_SECONDS);
        } catch (RuntimeException e) {
            Log.error(context, request.requestId(), "unhandled failure on " + request.method() + " " + request.rawPath(), e);
            return failure(500, "internal_error", "Something went wrong on our side. Request id: " + request.requestId(), null);
        }
    }

    /**
     * Public 200s get a cache lifetime and an ETag made from the body; a matching If-None-Match gets
     * a bodiless 304. A handler that sets its own ETag (the feed's costs less to check) or its own
     * caching (the host's API is never cached) has already decided.
     */
    private ApiResponse conditional(ApiRequest request, ApiResponse response) {
        if (!"GET".equals(request.method()) || response.status() != 200 || response.header("etag") != null
                || response.header("cache-control") != null) {
            return response;
        }
        String etag = Conditional.etagOf(response.body());
        if (Conditional.notModified(request.header("if-none-match"), etag)) {
            return ApiResponse.empty(304).header("etag", etag).header("cache-control", cacheControl);
        }
        return response.header("etag", etag).header("cache-control", cacheControl);
    }

    /** A version that moved on is a failed precondition; every other conflict is a 409, naming the slug when it is one. */
    private ApiResponse conflict(ConflictException e) {
        return switch (e.reason()) {
            case VERSION_MISMATCH -> failure(412, "precondition_failed", e.getMessage(), null);
            case SLUG_TAKEN -> failure(409, "conflict", e.getMessage(), "slug");
            case GUID_TAKEN -> failure(409, "conflict", e.getMessage(), "guid");
            case ID_TAKEN, NOT_READY -> failure(409, "conflict", e.getMessage(), null);
        };
    }

    /**
     * The answer to a failed request: a JSON error ({@link #error}) unless the function speaks
     * another language to its clients (the site answers with an HTML page). Never given an
     * exception's text: only the messages written for clients.
     */
    protected ApiResponse failure(int status, String code, String message, String field) {
        return error(status, code, message, field);
    }

    public static ApiResponse error(int status, String code, String message, String field) {
        String body = Json.write(json -> {
            json.writeStartObject();
            json.writeObjectFieldStart("error");
            json.writeStringField("code", code);
            json.writeStringField("message", message);
            Json.optionalString(json, "field", field);
            json.writeEndObject();
            json.writeEndObject();
        });
        return ApiResponse.json(status, body).header("cache-control", "no-store");
    }
}
