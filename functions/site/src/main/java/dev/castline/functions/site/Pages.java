package dev.castline.functions.site;

import dev.castline.http.ApiRequest;
import dev.castline.http.ApiResponse;
import dev.castline.http.Conditional;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.Utf8ByteOutput;
import java.time.Duration;
import java.util.Optional;

/**
 * Turns a page's outcome into the HTTP answer: the precompiled template rendered to UTF-8, and the
 * headers every page carries. Pages are cached briefly and served stale while revalidating
 * ({@code ETag}, {@code 304}); the Content-Security-Policy allows nothing but this site's own
 * script and style and the media URL's audio and images, and no framing except of the embed page.
 */
final class Pages {
    static final String HTML = "text/html; charset=utf-8";
    /** The template classes the build generated (jte-maven-plugin, packageName in the pom). */
    private static final String TEMPLATE_PACKAGE = "dev.castline.functions.site.templates";

    private final TemplateEngine engine = TemplateEngine.createPrecompiled(null, ContentType.Html, null, TEMPLATE_PACKAGE);
    private final String cacheControl;
    private final String imagePolicy;
    private final String mediaPolicy;
    private final String restPolicy;

    Pages(Duration maxAge, String mediaOrigin) {
        long seconds = maxAge.toSeconds();
        this.cacheControl = "public, max-age=" + seconds + ", stale-while-revalidate=" + Math.max(seconds * 10, 300);
        this.imagePolicy = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' " + mediaOrigin;
        this.mediaPolicy = "; media-src 'self' " + mediaOrigin;
        this.restPolicy = "; connect-src 'self'; base-uri 'none'; form-action 'self'";
    }

    ApiResponse page(ApiRequest request, SitePages.Outcome outcome, boolean framable) {
        if (outcome instanceof SitePages.Moved moved) {
            return ApiResponse.empty(301).header("location", moved.location()).header("cache-control", "public, max-age=300");
        }
        SitePages.Rendered rendered = (SitePages.Rendered) outcome;
        Utf8ByteOutput output = new Utf8ByteOutput();
        engine.render(rendered.template(), rendered.view(), output);
        byte[] body = output.toByteArray();
        ApiResponse response = ApiResponse.text(rendered.status(), body, HTML)
                .header("content-security-policy", imagePolicy + mediaPolicy
                        + (rendered.audioOrigin() == null ? "" : " " + rendered.audioOrigin()) + restPolicy
                        + "; frame-ancestors " + (framable ? "*" : "'none'"))
                .header("x-content-type-options", "nosniff")
                .header("referrer-policy", "strict-origin-when-cross-origin");
        if (!framable) {
            response.header("x-frame-options", "DENY");
        }
        if (rendered.status() == 200) {
            String etag = Conditional.etagOf(body);
            Optional<String> ifNoneMatch = request == null ? Optional.empty() : request.header("if-none-match");
            if (Conditional.notModified(ifNoneMatch, etag)) {
                return ApiResponse.empty(304).header("etag", etag).header("cache-control", cacheControl);
            }
            return response.header("etag", etag).header("cache-control", cacheControl);
        }
        // A missing page may appear (a scheduled episode's time comes): cached briefly, like a page.
        return response.header("cache-control", rendered.status() == 404 ? "public, max-age=" + 60 : "no-store");
    }
}
