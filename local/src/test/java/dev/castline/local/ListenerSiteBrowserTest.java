package dev.castline.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.castline.testing.Events;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.logging.Level;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The listener site in a real browser (headless Chromium, driven by its chromedriver), against
 * the local stack, with an episode made the way a host makes one: a draft through the admin API,
 * a real MP3 of four minutes uploaded to its signed URL and processed, chapters set with
 * {@code If-Match}, published. Then what a listener does: clicks a topic, copies a link at the
 * current time and opens it, reads the page with JavaScript off, and every page is checked for
 * console errors and by axe-core. It also takes the README's screenshots of an episode page
 * (copied to {@code -Dcastline.screenshots.dir=docs/screenshots} when asked).
 *
 * <p>Chromium and chromedriver must be on the PATH ({@code bin/test} installs them); without them
 * these tests fail, saying what to install. Selenium uses that driver and never downloads one.
 *
 * <p>The audio element's state is read through the DevTools protocol ({@code Runtime.evaluate}),
 * the same way with or without the page's own scripts. With JavaScript switched off for pages
 * (Chrome's content setting), WebDriver's {@code executeScript} still runs too, and the test with
 * scripts off checks that both see the same element.
 */
@ExtendWith(CastlineLocalExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ListenerSiteBrowserTest {
    private static final Duration WAIT = Duration.ofSeconds(15);
    /** 4:10 of silence: long enough for the chapters below, 250 kB at 8 kbit/s. */
    private static final long AUDIO_MILLIS = 250_000;
    private static final String TAG = "browser-test";
    private static final String TITLE = "Listening in a Real Browser";
    private static final String NOTES_PHRASE = "chapters you can click";
    /** Start (s) and title of each chapter, as the host sets them. */
    private static final List<Map.Entry<Integer, String>> CHAPTERS = List.of(
            Map.entry(0, "Welcome and introductions"),
            Map.entry(60, "Moving the API to Lambda"),
            Map.entry(120, "Cold starts and SnapStart"),
            Map.entry(210, "Lessons learned"));
    private static final String AUDIO = "section.player[data-player] audio";
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final CastlineLocal stack;
    private final List<String> consoleErrors = new ArrayList<>();
    private final List<ChromeDriver> browsers = new ArrayList<>();
    private final java.util.Set<ChromeDriver> withoutScripts = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    private String id;
    private String slug;
    private String mediaUrl;
    private ChromeDriver browser;

    ListenerSiteBrowserTest(CastlineLocal stack) {
        this.stack = stack;
        org.junit.jupiter.api.Assumptions.assumeTrue(stack.emitsObjectCreatedEvents(), "needs the embedded S3's events");
    }

    @BeforeAll
    void startChromiumAndPublishAnEpisodeWithRealAudio() {
        browser = chromium(true);
        byte[] mp3 = SampleAudio.silence(AUDIO_MILLIS);
        id = admin("POST", "/api/v1/admin/episodes", null, """
                {"title":"%s","summary":"How the player behaves for a listener: topics that seek, links to a moment, and a page that works without JavaScript.",
                 "showNotes":"We walk through the episode page with %s, a link that starts at the moment you copied, and a page that still plays with JavaScript switched off.",
                 "tags":["%s"]}""".formatted(TITLE, NOTES_PHRASE, TAG), 201).json().get("id").asText();

        JsonNode upload = admin("POST", "/api/v1/admin/episodes/" + id + "/audio", null,
                "{\"contentType\":\"audio/mpeg\",\"bytes\":" + mp3.length + ",\"fileName\":\"browser-test.mp3\"}", 201).json();
        HttpRequest.Builder put = HttpRequest.newBuilder(URI.create(upload.get("uploadUrl").asText()))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(mp3));
        upload.get("headers").properties().forEach(h -> {
            if (!h.getKey().equalsIgnoreCase("content-length")) {
                put.header(h.getKey(), h.getValue().asText());
            }
        });
        assertThat(Http.send(put.build()).statusCode()).as("PUT to the signed URL").isEqualTo(200);
        JsonNode processed = waitForEpisode(e -> e.has("audio"));
        assertThat(processed.get("audio").get("durationSeconds").asDouble()).isCloseTo(AUDIO_MILLIS / 1000.0, org.assertj.core.data.Offset.offset(1.0));

        AdminApi.Answer current = admin("GET", "/api/v1/admin/episodes/" + id, null, null, 200);
        String chapters = CHAPTERS.stream().map(c -> "{\"startTime\":" + c.getKey() + ",\"title\":\"" + c.getValue() + "\"}")
                .collect(Collectors.joining(",", "[", "]"));
        admin("PATCH", "/api/v1/admin/episodes/" + id, current.etag(), "{\"chapters\":" + chapters + "}", 200);
        HttpResponse<byte[]> transcript = Http.send(HttpRequest.newBuilder(URI.create(stack.baseUrl() + "/api/v1/admin/episodes/" + id + "/transcript"))
                .header("Authorization", "Bearer " + stack.adminToken()).header("Content-Type", "text/vtt")
                .PUT(HttpRequest.BodyPublishers.ofString(transcriptVtt())).build());
        assertThat(transcript.statusCode()).as("PUT the transcript: %s", new String(transcript.body(), java.nio.charset.StandardCharsets.UTF_8))
                .isEqualTo(200);
        JsonNode published = admin("POST", "/api/v1/admin/episodes/" + id + "/publish", null, "", 200).json();
        slug = published.get("slug").asText();
        mediaUrl = published.get("audio").get("url").asText();
    }

    @AfterAll
    void quitAndDelete() {
        browsers.forEach(WebDriver::quit);
        if (id != null) { // leave the shared stack's show as the sample
            AdminApi.Answer current = admin("GET", "/api/v1/admin/episodes/" + id, null, null, 200);
            admin("POST", "/api/v1/admin/episodes/" + id + "/unpublish", current.etag(), "", 200);
            admin("DELETE", "/api/v1/admin/episodes/" + id, null, null, 204);
        }
    }

    /** Whatever a test did, no page it visited logged an error (favicon 404s included). */
    @AfterEach
    void noConsoleErrors() {
        browsers.forEach(b -> drainConsole(b, "(end of test) " + safeUrl(b)));
        List<String> errors = List.copyOf(consoleErrors);
        consoleErrors.clear();
        assertThat(errors).as("console errors (SEVERE) on the pages visited").isEmpty();
    }

    @Test
    void clickingATopicSeeksToItsChapterAndPlays() {
        open(browser, episodeUrl(""));
        assertThat(audioState(browser).paused()).isTrue();

        // Before any audio is loaded (preload="none"): the last chapter.
        clickTopic(3);
        AudioState last = waitPlayingFrom(browser, 210);
        assertThat(last.currentTime()).as("just after 3:30").isGreaterThanOrEqualTo(210).isLessThan(213);
        assertThat(browser.getCurrentUrl()).as("the link seeks instead of navigating").isEqualTo(episodeUrl(""));
        assertCurrentChapter(browser, 3);

        // While playing: back to the second chapter.
        clickTopic(1);
        AudioState second = waitPlayingFrom(browser, 60);
        assertThat(second.currentTime()).as("just after 1:00").isGreaterThanOrEqualTo(60).isLessThan(63);
        assertCurrentChapter(browser, 1);
    }

    /**
     * The chapter bar has a marker where each chapter starts (the first kept 12 px in, its tick at
     * the exact start), and follows the track's width when the window narrows.
     */
    @Test
    void theChapterBarMarksEachChapterWhereItStartsAtAnyWidth() {
        open(browser, episodeUrl(""));
        try {
            for (int width : new int[] {1280, 390}) {
                browser.manage().window().setSize(new org.openqa.selenium.Dimension(width, 900));
                new WebDriverWait(browser, WAIT).until(d -> {
                    JsonNode bar = chapterBar(browser);
                    double track = bar.get("track").asDouble();
                    if (bar.get("centers").size() != CHAPTERS.size() || track <= 0) {
                        return false;
                    }
                    for (int i = 0; i < CHAPTERS.size(); i++) {
                        double start = CHAPTERS.get(i).getKey() * track / (AUDIO_MILLIS / 1000.0);
                        double center = bar.get("centers").get(i).asDouble(), tick = bar.get("ticks").get(i).asDouble();
                        if (Math.abs(center + tick - start) > 1 || Math.abs(center - Math.max(start, 12)) > 1) {
                            return false;
                        }
                    }
                    return true;
                });
            }
        } finally {
            browser.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 900));
        }
    }

    /** The chapter bar as laid out: the track's width, each marker's centre from the track's left edge, and its tick's offset. */
    private static JsonNode chapterBar(ChromeDriver driver) {
        Object bar = js(driver, """
                const track = document.querySelector('[data-chapter-bar] .chapter-track');
                if (!track) return '{"track":0,"centers":[],"ticks":[]}';
                const t = track.getBoundingClientRect(), marks = [...track.querySelectorAll('.chapter-marker')];
                return JSON.stringify({track: t.width,
                  centers: marks.map((m) => { const r = m.getBoundingClientRect(); return r.left + r.width / 2 - t.left; }),
                  ticks: marks.map((m) => parseFloat(m.style.getPropertyValue('--tick')) || 0)});""");
        try {
            return JSON.readTree(String.valueOf(bar));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A cue every 6 s for the whole episode, two speakers taking turns: long enough to start collapsed. */
    private static String transcriptVtt() {
        StringBuilder vtt = new StringBuilder("WEBVTT\n\n");
        for (int s = 0; s + 6 <= AUDIO_MILLIS / 1000; s += 6) {
            vtt.append(String.format("%02d:%02d.000 --> %02d:%02d.000%n<v %s>Cue at %d seconds.%n%n", s / 60, s % 60, (s + 6) / 60, (s + 6) % 60,
                    s / 30 % 2 == 0 ? "Nick" : "Jason", s));
        }
        return vtt.toString();
    }

    @Test
    void clickingATranscriptCueSeeksThereAndTheCueHeardIsHighlighted() {
        open(browser, episodeUrl(""));
        WebElement toggle = browser.findElement(By.cssSelector("button[data-transcript-toggle]"));
        js(browser, "arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", toggle);
        toggle.click();
        assertThat(browser.findElement(By.cssSelector("[data-transcript]")).getDomAttribute("class")).contains("open");

        WebElement cue = browser.findElement(By.cssSelector("[data-transcript] a[data-start='150']"));
        js(browser, "arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", cue);
        cue.click();
        AudioState playing = waitPlayingFrom(browser, 150);
        assertThat(playing.currentTime()).as("just after 2:30").isGreaterThanOrEqualTo(150).isLessThan(153);
        assertThat(browser.getCurrentUrl()).as("the link seeks instead of navigating").isEqualTo(episodeUrl(""));
        WebElement current = new WebDriverWait(browser, WAIT).until(d -> d.findElements(By.cssSelector("[data-transcript] li.current")).size() == 1
                ? d.findElement(By.cssSelector("[data-transcript] li.current")) : null);
        assertThat(current.getDomAttribute("data-start")).isIn("150", "156");
        assertThat(current.getDomAttribute("aria-current")).isEqualTo("true");
    }

    @Test
    void aLinkCopiedAtTheCurrentTimeStartsThereInAFreshPage() {
        open(browser, episodeUrl(""));
        clickTopic(2);
        waitPlayingFrom(browser, 121); // a second into "Cold starts and SnapStart"
        WebElement copy = browser.findElement(By.cssSelector("[data-copy-time]"));
        copy.sendKeys("k"); // the player's play/pause key
        new WebDriverWait(browser, WAIT).until(d -> audioState(d).paused());
        double at = audioState(browser).currentTime();

        copy.click();
        WebElement status = browser.findElement(By.cssSelector("[data-copy-status]"));
        String url = new WebDriverWait(browser, WAIT).until(d -> status.getDomAttribute("data-url"));
        String text = new WebDriverWait(browser, WAIT).until(d -> Optional.of(status.getText()).filter(s -> !s.isEmpty()).orElse(null));
        assertThat(text).as("the status says what happened").isIn("Copied URL with current time", "Link: " + url);
        if (text.startsWith("Copied")) {
            assertThat(clipboard(browser)).as("what the clipboard holds").isEqualTo(url);
        }
        assertThat(url).startsWith(stack.baseUrl() + "/episodes/" + slug + "?t=");
        double t = seconds(query(URI.create(url), "t"));
        assertThat(t).as("t=%s for currentTime %s", query(URI.create(url), "t"), at).isCloseTo(at, org.assertj.core.data.Offset.offset(1.0));

        String original = browser.getWindowHandle();
        browser.switchTo().newWindow(WindowType.TAB);
        try {
            open(browser, url);
            assertThat(audioState(browser).paused()).isTrue();
            assertThat(js(browser, "return document.querySelector(arguments[0]).getAttribute('src')", AUDIO))
                    .as("player.js seeks itself: no media fragment left").asString().doesNotContain("#");
            browser.findElement(By.cssSelector("[data-skip='-15']")).sendKeys("k"); // play
            AudioState started = waitPlayingFrom(browser, 0.01);
            assertThat(started.currentTime()).as("starts at t=%s", t).isCloseTo(t, org.assertj.core.data.Offset.offset(1.5));
            assertCurrentChapter(browser, 2);
        } finally {
            drainConsole(browser, url);
            browser.close();
            browser.switchTo().window(original);
        }
    }

    @Test
    void withoutJavaScriptThePageIsCompleteAndATopicLinkStartsTheAudioThere() {
        ChromeDriver plain = chromium(false);
        try {
            readAndPlayWithoutScripts(plain);
        } finally {
            drainConsole(plain, "(end of test) " + safeUrl(plain));
            browsers.remove(plain);
            plain.quit();
        }
    }

    private void readAndPlayWithoutScripts(ChromeDriver plain) {
        open(plain, episodeUrl(""));
        assertThat(plain.getTitle()).contains(TITLE);
        assertThat(plain.findElement(By.tagName("h1")).getText()).isEqualTo(TITLE);
        assertThat(plain.findElement(By.cssSelector("section.notes")).getText()).contains(NOTES_PHRASE);
        List<WebElement> topics = plain.findElements(By.cssSelector("[data-topics] li a[data-start]"));
        assertThat(topics).extracting(a -> a.getDomAttribute("href"))
                .containsExactly(CHAPTERS.stream().map(c -> "/episodes/" + slug + "?t=" + clock(c.getKey())).toArray(String[]::new));
        assertThat(topics).extracting(a -> a.getDomProperty("textContent").strip().replaceAll("\\s+", " "))
                .containsExactly(CHAPTERS.stream().map(c -> clock(c.getKey()) + " " + c.getValue()).toArray(String[]::new));
        WebElement download = plain.findElement(By.cssSelector(".download a[download]"));
        assertThat(download.getDomAttribute("href")).isEqualTo(mediaUrl);
        HttpResponse<byte[]> head = Http.send(HttpRequest.newBuilder(URI.create(mediaUrl)).method("HEAD", HttpRequest.BodyPublishers.noBody()).build());
        assertThat(head.statusCode()).as("the download link's target").isEqualTo(200);
        // player.js did not run: its controls stay hidden and no chapter bar was built.
        assertThat(plain.findElement(By.cssSelector("[data-controls]")).isDisplayed()).isFalse();
        assertThat(plain.findElements(By.cssSelector("[data-chapter-bar] *"))).isEmpty();

        topics.get(2).click(); // a plain link now: the browser navigates to ?t=2:00
        new WebDriverWait(plain, WAIT).until(d -> d.getCurrentUrl().endsWith("?t=2:00"));
        waitLoaded(plain);
        WebElement audio = plain.findElement(By.cssSelector(AUDIO));
        assertThat(audio.getDomAttribute("src")).as("the server's media fragment").isEqualTo(mediaUrl + "#t=120");
        AudioState before = audioState(plain);
        assertThat(before.paused()).isTrue();
        assertThat(before.readyState()).as("preload=none: nothing loaded yet").isZero();

        // The native control's play button: at its left edge, vertically centred.
        new Actions(plain).moveToElement(audio, -audio.getRect().getWidth() / 2 + 24, 0).click().perform();
        AudioState playing = waitPlayingFrom(plain, 120);
        // WebDriver's executeScript still runs with the page's scripts off; it reads the same element.
        Map<?, ?> seen = (Map<?, ?>) js(plain, "const a = document.querySelector(arguments[0]);"
                + " return {t: a.currentTime, paused: a.paused, src: a.currentSrc}", AUDIO);
        assertThat(seen.get("paused")).isEqualTo(false);
        assertThat(seen.get("src")).isEqualTo(playing.currentSrc());
        assertThat(((Number) seen.get("t")).doubleValue()).isBetween(playing.currentTime(), playing.currentTime() + 3);
        assertThat(plain.findElements(By.cssSelector("[data-topics] li.current"))).as("no script, no highlight").isEmpty();
    }

    @Test
    void axeFindsNoViolationsOnTheHomeEpisodeTagAndEmbedPages() throws IOException {
        String axe = Files.readString(axeCore());
        Map<String, List<String>> violations = new java.util.LinkedHashMap<>();
        // This test's episode, and a sample one with guests, many chapters, links and a funding box.
        for (String path : List.of("/", "/episodes/" + slug, "/episodes/" + stack.sampleSlugs().getFirst(), "/tags/" + TAG, "/embed/" + slug)) {
            open(browser, stack.baseUrl() + path);
            for (String scheme : List.of("light", "dark")) {
                browser.executeCdpCommand("Emulation.setEmulatedMedia",
                        Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", scheme))));
                assertThat(js(browser, "return matchMedia('(prefers-color-scheme: ' + arguments[0] + ')').matches", scheme)).isEqualTo(true);
                List<String> found = axe(browser, axe);
                if (!found.isEmpty()) {
                    violations.put(path + " (" + scheme + ")", found);
                }
            }
            browser.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("features", List.of()));
        }
        assertThat(violations).as(() -> "axe-core violations:\n" + violations.entrySet().stream()
                .map(v -> v.getKey() + ":\n  " + String.join("\n  ", v.getValue())).collect(Collectors.joining("\n"))).isEmpty();
    }

    @Test
    void everyPageLoadsItsArtworkAndAssetsFromTheStackAlone() {
        for (String path : List.of("/", "/episodes/" + stack.sampleSlugs().getFirst(), "/tags/" + TAG, "/embed/" + slug)) {
            open(browser, stack.baseUrl() + path);
            @SuppressWarnings("unchecked")
            List<String> loaded = (List<String>) js(browser, "return performance.getEntriesByType('resource').map(e => e.name)"
                    + ".concat([...document.images].filter(i => i.complete && i.naturalWidth > 0).map(i => i.currentSrc))");
            assertThat(loaded).as("%s loads images (the show's artwork at least)", path)
                    .anyMatch(url -> url.startsWith(stack.baseUrl() + "/media/artwork/"));
            assertThat(loaded.stream().filter(url -> url.startsWith(stack.baseUrl() + "/media/artwork/")))
                    .as("%s draws the artwork from its renditions alone, never fetching the full-size image", path)
                    .allSatisfy(url -> assertThat(dev.castline.domain.MediaKey.parseRendition(
                            url.substring((stack.baseUrl() + "/media/").length()))).as(url).isPresent());
            assertThat(loaded).as("%s requests nothing from another host", path).allMatch(url -> url.startsWith(stack.baseUrl() + "/"));
        }
    }

    @Test
    void screenshotsOfAnEpisodePageAtDesktopAndPhoneWidths() throws IOException {
        Map<String, Path> shots = new java.util.LinkedHashMap<>();
        shots.put("episode-desktop.png", screenshotPlaying(1280, 900, 1, false, "episode-desktop.png"));
        shots.put("episode-phone.png", screenshotPlaying(390, 844, 2, true, "episode-phone.png"));

        String also = System.getProperty("castline.screenshots.dir");
        for (Map.Entry<String, Path> shot : shots.entrySet()) {
            assertThat(Files.size(shot.getValue())).as(shot.getKey() + " in bytes").isLessThanOrEqualTo(200 * 1024);
            if (also != null && !also.isBlank()) {
                Path dir = root().resolve(also);
                Files.createDirectories(dir);
                Files.copy(shot.getValue(), dir.resolve(shot.getKey()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    // --- the browser -------------------------------------------------------------------------

    /** Headless Chromium through the system's chromedriver; with {@code javascript} false, pages run no script. */
    private ChromeDriver chromium(boolean javascript) {
        Path[] found = chromiumAndDriver();
        Path chromium = found[0], driver = found[1];
        System.setProperty("webdriver.chrome.driver", driver.toString());
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--autoplay-policy=no-user-gesture-required",
                "--window-size=1280,900", "--hide-scrollbars", "--lang=en-US");
        if (!javascript) {
            options.setExperimentalOption("prefs", Map.of("profile.managed_default_content_settings.javascript", 2));
        }
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(driver.toFile()).usingAnyFreePort().build();
        ChromeDriver chrome = new ChromeDriver(service, options);
        chrome.manage().timeouts().scriptTimeout(Duration.ofSeconds(30)).pageLoadTimeout(Duration.ofSeconds(30));
        browsers.add(chrome);
        if (!javascript) {
            withoutScripts.add(chrome);
        }
        return chrome;
    }

    /** Chromium's and chromedriver's paths; a test fails, saying what to install, without either. */
    private static Path[] chromiumAndDriver() {
        List<String> commands = List.of("chromium", "chromedriver");
        List<Optional<Path>> found = commands.stream().map(ListenerSiteBrowserTest::onPath).toList();
        List<String> missing = commands.stream().filter(c -> found.get(commands.indexOf(c)).isEmpty()).toList();
        if (!missing.isEmpty()) {
            throw new AssertionError("The browser tests need Chromium and its driver, and " + String.join(" and ", missing)
                    + (missing.size() == 1 ? " is" : " are") + " not on the PATH: run bin/test, which installs them,"
                    + " or apt-get install chromium chromium-driver");
        }
        return new Path[] {found.get(0).orElseThrow(), found.get(1).orElseThrow()};
    }

    private static Optional<Path> onPath(String command) {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .filter(dir -> !dir.isEmpty()).map(dir -> Path.of(dir, command)).filter(Files::isExecutable).findFirst();
    }

    private void open(ChromeDriver driver, String url) {
        driver.get(url);
        waitLoaded(driver);
        drainConsole(driver, url);
    }

    /** The document has loaded; where pages run scripts, player.js has run too (it shows the player's controls). */
    private void waitLoaded(ChromeDriver driver) {
        new WebDriverWait(driver, WAIT).until(d -> "complete".equals(evaluate((ChromeDriver) d, "document.readyState")));
        if (!withoutScripts.contains(driver) && !driver.findElements(By.cssSelector("[data-controls]")).isEmpty()) {
            new WebDriverWait(driver, WAIT).until(d -> d.findElement(By.cssSelector("[data-controls]")).isDisplayed());
        }
    }

    private void drainConsole(ChromeDriver driver, String page) {
        for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
            if (entry.getLevel().intValue() >= Level.SEVERE.intValue()) {
                consoleErrors.add(page + ": " + entry.getMessage());
            }
        }
    }

    private static String safeUrl(ChromeDriver driver) {
        try {
            return driver.getCurrentUrl();
        } catch (RuntimeException e) {
            return "?";
        }
    }

    private static Object js(ChromeDriver driver, String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /**
     * An expression's value in the page, through the DevTools protocol's {@code Runtime.evaluate}:
     * it reads the page's real DOM whether or not the page may run its own scripts.
     */
    private static Object evaluate(ChromeDriver driver, String expression) {
        Map<String, Object> answer = driver.executeCdpCommand("Runtime.evaluate",
                Map.of("expression", expression, "returnByValue", true, "awaitPromise", true));
        if (answer.containsKey("exceptionDetails")) {
            throw new AssertionError(expression + " threw: " + answer.get("exceptionDetails"));
        }
        return ((Map<?, ?>) answer.get("result")).get("value");
    }

    record AudioState(double currentTime, boolean paused, long readyState, String currentSrc) {
    }

    private static AudioState audioState(WebDriver driver) {
        Map<?, ?> s = (Map<?, ?>) evaluate((ChromeDriver) driver, "(() => { const a = document.querySelector('" + AUDIO + "');"
                + " return {t: a.currentTime, paused: a.paused, ready: a.readyState, src: a.currentSrc}; })()");
        return new AudioState(((Number) s.get("t")).doubleValue(), (Boolean) s.get("paused"), ((Number) s.get("ready")).longValue(),
                (String) s.get("src"));
    }

    /** Playing, and past {@code from}: time is really moving (a seek alone sets currentTime but plays nothing). */
    private static AudioState waitPlayingFrom(ChromeDriver driver, double from) {
        AudioState[] last = new AudioState[1];
        try {
            return new WebDriverWait(driver, WAIT).pollingEvery(Duration.ofMillis(50)).until(d -> {
                AudioState s = audioState(d);
                last[0] = s;
                return !s.paused() && s.readyState() >= 2 && s.currentTime() > from + 0.2 ? s : null;
            });
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("the audio did not play from " + from + " s; last seen " + last[0], e);
        }
    }

    private void clickTopic(int chapter) {
        clickTopicAt(browser, CHAPTERS.get(chapter).getKey());
    }

    /** Clicks the link of the topic starting at {@code start} s as a listener does (scrolled into the middle of the viewport first). */
    private static void clickTopicAt(ChromeDriver driver, long start) {
        WebElement link = driver.findElement(By.cssSelector("[data-topics] a[data-start='" + start + "']"));
        js(driver, "arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", link);
        link.click();
    }

    private static void assertCurrentChapter(ChromeDriver driver, int chapter) {
        String title = CHAPTERS.get(chapter).getValue();
        new WebDriverWait(driver, WAIT).until(d -> d.findElements(By.cssSelector("[data-topics] li.current")).size() == 1
                && d.findElement(By.cssSelector("[data-topics] li.current")).getText().contains(title));
        WebElement current = driver.findElement(By.cssSelector("[data-topics] li.current"));
        assertThat(current.getDomAttribute("aria-current")).isEqualTo("true");
        assertThat(current.getDomAttribute("data-start")).isEqualTo(Integer.toString(CHAPTERS.get(chapter).getKey()));
        assertThat(driver.findElement(By.cssSelector("[data-now-playing]")).getText()).isEqualTo("Now: " + title);
    }

    private static String clipboard(ChromeDriver driver) {
        driver.executeCdpCommand("Browser.grantPermissions", Map.of("permissions", List.of("clipboardReadWrite")));
        return (String) ((JavascriptExecutor) driver).executeAsyncScript(
                "const done = arguments[arguments.length - 1]; navigator.clipboard.readText().then(done, e => done('unreadable: ' + e))");
    }

    private static List<String> axe(ChromeDriver driver, String axeSource) {
        ((JavascriptExecutor) driver).executeScript(axeSource);
        String json = (String) ((JavascriptExecutor) driver).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document).then(r => done(JSON.stringify(r.violations)), e => done(JSON.stringify([{id: 'axe-error', help: String(e), nodes: []}])));
                """);
        List<String> found = new ArrayList<>();
        try {
            for (JsonNode v : JSON.readTree(json)) {
                StringBuilder line = new StringBuilder(v.path("id").asText() + " [" + v.path("impact").asText() + "] " + v.path("help").asText()
                        + " (" + v.path("helpUrl").asText() + ")");
                for (JsonNode node : v.path("nodes")) {
                    line.append("\n    at ").append(node.path("target")).append(": ").append(node.path("failureSummary").asText().replaceAll("\\s+", " "));
                }
                found.add(line.toString());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }

    private static Path axeCore() {
        Path axe = root().resolve("tools/node_modules/axe-core/axe.min.js");
        if (!Files.isRegularFile(axe)) {
            throw new AssertionError(axe + " is missing: run bin/test, which installs it, or npm install --prefix tools --ignore-scripts");
        }
        return axe;
    }

    /**
     * The sample show's first episode in a viewport of this size, played from its third chapter
     * then paused (the chapter bar, the native control and the current topic show it), the pointer
     * away from the page: a PNG of the viewport. On a desktop the page's top shows the player; on a
     * phone the view starts at the player, which shows the chapter bar and the current topic too.
     */
    private Path screenshotPlaying(int width, int height, int scale, boolean mobile, String name) throws IOException {
        String sample = stack.sampleSlugs().getFirst();
        long start = Events.json(Http.get(URI.create(stack.baseUrl() + "/api/v1/episodes/" + sample)).body())
                .get("chapters").get(2).get("startTime").asLong();
        browser.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", height, "deviceScaleFactor", scale, "mobile", mobile));
        try {
            open(browser, stack.baseUrl() + "/episodes/" + sample);
            assertThat(js(browser, "return [innerWidth, innerHeight]")).as("viewport").isEqualTo(List.of((long) width, (long) height));
            assertThat(js(browser, "return document.documentElement.scrollWidth")).as("no sideways scrolling").isEqualTo((long) width);
            clickTopicAt(browser, start);
            waitPlayingFrom(browser, start + 0.5);
            browser.findElement(By.cssSelector("[data-copy-time]")).sendKeys("k");
            new WebDriverWait(browser, WAIT).until(d -> audioState(d).paused());
            new Actions(browser).moveToLocation(0, 0).perform();
            long top = mobile ? (Long) js(browser, "return Math.round(document.querySelector('section.player').getBoundingClientRect().top"
                    + " + scrollY - 16)") : 0;
            js(browser, "document.activeElement.blur(); window.scrollTo({top: arguments[0], behavior: 'instant'})", top);
            new WebDriverWait(browser, WAIT).until(d -> Long.valueOf(top).equals(js((ChromeDriver) d, "return Math.round(scrollY)")));
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(name);
            Files.write(file, browser.getScreenshotAs(OutputType.BYTES));
            return file;
        } finally {
            browser.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        }
    }

    // --- the stack ---------------------------------------------------------------------------

    private String episodeUrl(String query) {
        return stack.baseUrl() + "/episodes/" + slug + query;
    }

    private static Path root() {
        return Path.of(System.getProperty("castline.root", "..")).toAbsolutePath().normalize();
    }

    private static String clock(int seconds) {
        return seconds / 60 + ":" + String.format("%02d", seconds % 60);
    }

    /** 88, 1:28 or 1:02:03 in seconds. */
    private static double seconds(String t) {
        double s = 0;
        for (String part : t.split(":")) {
            s = s * 60 + Double.parseDouble(part);
        }
        return s;
    }

    private static String query(URI uri, String name) {
        Map<String, String> params = new HashMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            String[] kv = pair.split("=", 2);
            params.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8), kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
        }
        return params.get(name);
    }

    private AdminApi.Answer admin(String method, String path, String ifMatch, String body, int expectedStatus) {
        return new AdminApi(stack).send(method, path, body, expectedStatus, ifMatch);
    }

    private JsonNode waitForEpisode(Predicate<JsonNode> condition) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        JsonNode episode;
        do {
            episode = admin("GET", "/api/v1/admin/episodes/" + id, null, null, 200).json();
            if (condition.test(episode)) {
                return episode;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        } while (Instant.now().isBefore(deadline));
        throw new AssertionError("the upload was not processed in time: " + episode);
    }
}
