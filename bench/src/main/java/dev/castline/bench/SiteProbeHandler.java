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
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

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
 *       rendered once, with a made-up view of ten cards (jte's runtime, the layout, home and card
 *       template classes, jte's HTML escaping).</li>
 * </ul>
 * Only in the benchmarks: its classpath is the site's artifact, the launcher and bench/target/classes.
 */
public final class SiteProbeHandler implements RequestStreamHandler {
    private final SiteHandler site;

    public SiteProbeHandler() throws Throwable {
        long start = System.nanoTime();
        site = new SiteHandler();
        System.out.println("SITE_INIT_US " + (System.nanoTime() - start) / 1000);
        for (String step : System.getProperty("castline.probe.pretouch", "").split(",")) {
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
                case "jte" -> renderHome();
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

    /** home.jte once, with ten cards: the layout, home and cards templates and jte's runtime, as the first request loads them. */
    private static int renderHome() {
        TemplateEngine engine = TemplateEngine.createPrecompiled(null, ContentType.Html, null, "dev.castline.functions.site.templates");
        List<View.Card> cards = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            cards.add(new View.Card("/episodes/episode-" + i, "Episode " + i + " & <friends>", "2026-11-0" + (i % 9 + 1),
                    (i % 9 + 1) + " Nov 2026", "42:17", "A summary of episode " + i + ".", List.of("A Guest"),
                    List.of(new View.TagLink("rails", "/tags/rails"))));
        }
        View.Layout layout = new View.Layout("en", "Probe", "A probe page.", "https://example.com/", "/", "Probe", "https://example.com/feed.xml",
                "/assets/site.0000000000.css", "/assets/player.0000000000.js", null,
                List.of(new View.Meta(true, "og:title", "Probe")), null, null, false, null);
        View.Home home = new View.Home(layout, "Probe", "An author", "A description.", null, "https://example.com/feed.xml",
                List.of(new View.LinkView("https://example.com/app", "An app")), null, cards, null);
        Utf8ByteOutput output = new Utf8ByteOutput();
        engine.render("home.jte", home, output);
        return output.toByteArray().length;
    }
}
