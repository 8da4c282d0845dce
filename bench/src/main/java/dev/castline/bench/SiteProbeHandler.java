package dev.castline.bench;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.castline.functions.site.SiteHandler;
import dev.castline.functions.site.Times;
import dev.castline.functions.site.View;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.Utf8ByteOutput;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.invoke.StringConcatFactory;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The site's handler with one piece of its first request done ahead, for {@link SiteColdStart}:
 * it builds the real {@link SiteHandler} (no-arg, from the environment, as Lambda does), then runs
 * the steps named in {@code -Dcastline.probe.pretouch} (comma-separated), each timed and printed as
 * {@code PRETOUCH_<STEP>_US}, then serves requests through the real handler. A step's own time is
 * what it costs cold at the point the first request would pay it (the SDK client already built);
 * the first request's time, against the same probe with no step, shows how much of it the step
 * was. Steps, each the same work the site's first home-page request does:
 * <ul>
 *   <li>{@code dates}: a date formatted with {@code SitePages}' pattern, {@code "d MMM yyyy"} in
 *       {@code Locale.ENGLISH} (month names: the JDK's CLDR locale data, loaded on first use);</li>
 *   <li>{@code format}: {@code Times.clock}, which uses {@code String.format} ({@code java.util.Formatter});</li>
 *   <li>{@code indy}: one invokedynamic string concatenation bootstrapped (jte's runtime is compiled
 *       with them; ours with {@code -XDstringConcat=inline});</li>
 *   <li>{@code jte}: a template engine built as {@code Pages} builds it and {@code home.jte}
 *       rendered once, with a made-up view of ten cards built beforehand (jte's runtime, the layout,
 *       home and card template classes, jte's HTML escaping).</li>
 * </ul>
 * Only in the benchmarks: its classpath is the site's artifact, the launcher and bench/target/classes.
 */
public final class SiteProbeHandler implements RequestStreamHandler {
    private final SiteHandler site;

    public SiteProbeHandler() throws Throwable {
        long start = System.nanoTime();
        site = new SiteHandler();
        System.out.println("SITE_INIT_US " + (System.nanoTime() - start) / 1000);
        String steps = System.getProperty("castline.probe.pretouch", "");
        Object view = steps.contains("jte") ? homeView() : null; // built before any clock starts
        for (String step : steps.split(",")) {
            if (step.isBlank()) {
                continue;
            }
            long t0 = System.nanoTime();
            int result = switch (step.strip()) {
                case "dates" -> DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH).withZone(ZoneOffset.UTC)
                        .format(Instant.parse("2026-11-23T03:00:00Z")).length();
                case "format" -> Times.clock(159).length();
                case "indy" -> ((String) StringConcatFactory.makeConcatWithConstants(MethodHandles.lookup(), "concat",
                        MethodType.methodType(String.class, String.class), "Jte\u0001Generated").dynamicInvoker().invoke("home")).length();
                case "jte" -> renderHome(view);
                default -> throw new IllegalArgumentException("castline.probe.pretouch: no step " + step);
            };
            System.out.println("PRETOUCH_" + step.strip().toUpperCase(Locale.ROOT) + "_US " + (System.nanoTime() - t0) / 1000
                    + (result < 0 ? "," + result : "")); // result read, so no step is optimised away
        }
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        site.handleRequest(input, output, context);
    }

    /**
     * home.jte once, with ten cards: the layout, home and cards templates and jte's runtime, as the
     * first request loads them. The view is built before the clock starts, by reflection over the
     * view records' components (strings, lists and flags filled in by name or left empty), so that
     * a field added to a view does not break the benchmarks' build.
     */
    private static int renderHome(Object home) {
        TemplateEngine engine = TemplateEngine.createPrecompiled(null, ContentType.Html, null, "dev.castline.functions.site.templates");
        Utf8ByteOutput output = new Utf8ByteOutput();
        engine.render("home.jte", home, output);
        return output.toByteArray().length;
    }

    /** A made-up home page of ten cards. */
    static Object homeView() {
        List<Object> cards = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            cards.add(record(View.Card.class, Map.of("href", "/episodes/episode-" + i, "title", "Episode " + i + " & <friends>",
                    "dateIso", "2026-11-0" + (i % 9 + 1), "dateText", (i % 9 + 1) + " Nov 2026", "duration", "42:17",
                    "summary", "A summary of episode " + i + ".", "guests", List.of("A Guest"),
                    "tags", List.of(record(View.TagLink.class, Map.of("name", "rails", "href", "/tags/rails"))))));
        }
        Object layout = record(View.Layout.class, Map.of("lang", "en", "title", "Probe", "description", "A probe page.",
                "canonical", "https://example.com/", "siteHref", "/", "showTitle", "Probe", "feedUrl", "https://example.com/feed.xml",
                "cssHref", "/assets/site.0000000000.css", "jsHref", "/assets/player.0000000000.js",
                "meta", List.of(record(View.Meta.class, Map.of("property", true, "key", "og:title", "content", "Probe")))));
        return record(View.Home.class, Map.of("layout", layout, "title", "Probe", "author", "An author", "description", "A description.",
                "feedUrl", "https://example.com/feed.xml", "subscribeLinks", List.of(record(View.LinkView.class, Map.of("href", "https://example.com/app", "text", "An app"))),
                "episodes", cards));
    }

    /** A record from the values named; any other component null, empty, false or zero. */
    private static Object record(Class<?> type, Map<String, Object> values) {
        RecordComponent[] components = type.getRecordComponents();
        Class<?>[] types = new Class<?>[components.length];
        Object[] args = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            Object value = values.get(components[i].getName());
            if (value == null && types[i] == List.class) {
                value = List.of();
            } else if (value == null && types[i] == boolean.class) {
                value = Boolean.FALSE;
            } else if (value == null && types[i] == int.class) {
                value = 0;
            } else if (value == null && types[i] == long.class) {
                value = 0L;
            }
            args[i] = value;
        }
        try {
            return type.getDeclaredConstructor(types).newInstance(args);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot build a " + type.getName(), e);
        }
    }
}
