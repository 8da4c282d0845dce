package dev.castline.bench;

import com.rometools.modules.itunes.EntryInformation;
import com.rometools.modules.itunes.EntryInformationImpl;
import com.rometools.modules.itunes.FeedInformation;
import com.rometools.modules.itunes.FeedInformationImpl;
import com.rometools.modules.itunes.types.Category;
import com.rometools.modules.itunes.types.Duration;
import com.rometools.modules.psc.modules.PodloveSimpleChapterModule;
import com.rometools.modules.psc.modules.PodloveSimpleChapterModuleImpl;
import com.rometools.modules.psc.types.SimpleChapter;
import com.rometools.rome.feed.module.Module;
import com.rometools.rome.feed.synd.SyndContentImpl;
import com.rometools.rome.feed.synd.SyndEnclosureImpl;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndEntryImpl;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.io.SyndFeedOutput;
import dev.castline.domain.Audio;
import dev.castline.domain.Chapter;
import dev.castline.domain.Episode;
import dev.castline.domain.EpisodeType;
import dev.castline.domain.Guest;
import dev.castline.domain.Link;
import dev.castline.domain.LinkKind;
import dev.castline.domain.PodcastGuid;
import dev.castline.domain.Show;
import dev.castline.host.ShowNotes;
import dev.castline.domain.Status;
import dev.castline.feed.FeedWriter;
import java.io.ByteArrayOutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Renders one 1,000-episode feed from the same data with Castline's streaming writer and with
 * Rome's {@link SyndFeedOutput} (iTunes and Podlove chapter modules included, so both write the
 * same elements that matter). Rome is measured twice: from a prebuilt SyndFeed (output only) and
 * from the domain (building its object model is part of using it). Run with {@code -prof gc} to
 * see allocation per feed.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 2, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class FeedWriterBenchmark {
    static final int EPISODES = 1_000;
    static final String MEDIA = "https://media.castline.example";
    /** Both renderers write into a buffer big enough for the whole feed, as a response buffer would be. */
    static final int OUTPUT_BUFFER = 8 * 1024 * 1024;
    static final Instant LAST_BUILD = Instant.parse("2024-01-01T00:00:00Z");

    private Show show;
    private List<Episode> episodes;
    private FeedWriter writer;
    private SyndFeed prebuilt;

    @Setup
    public void setUp() throws Exception {
        String feedUrl = "https://api.castline.example/feed.xml";
        show = new Show("Running in Production", "Nick Janetakis", "Hear about how folks are running their web apps in production.",
                "en-us", "https://castline.example/artwork.jpg", "Technology", null, false, "Nick Janetakis",
                "host@castline.example", "https://runninginproduction.com", "© 2020 Nick Janetakis",
                "https://nickjanetakis.com/courses", "Support the show", feedUrl, PodcastGuid.forFeedUrl(feedUrl).toString(),
                false, true, null);
        episodes = new ArrayList<>(EPISODES);
        Instant start = Instant.parse("2024-01-01T00:00:00Z");
        for (int i = 0; i < EPISODES; i++) {
            episodes.add(episode(i, start.minusSeconds(86_400L * 7 * i)));
        }
        writer = new FeedWriter(MEDIA);
        prebuilt = romeFeed();
        // Both must produce a feed; fail the run rather than measure nothing.
        if (ours().length < 1_000_000 || romeOutputOnly().length < 1_000_000) {
            throw new IllegalStateException("a renderer produced too little output");
        }
    }

    /** As the feed function renders: straight into the array that becomes the response body. */
    @Benchmark
    public byte[] ours() throws Exception {
        return writer.render(show, episodes, FeedWriter.Page.ONLY, LAST_BUILD);
    }

    /** The same through an OutputStream, as Rome writes: the cost of the stream and its copy. */
    @Benchmark
    public byte[] oursToStream() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream(OUTPUT_BUFFER);
        writer.write(show, episodes, FeedWriter.Page.ONLY, LAST_BUILD, out);
        return out.toByteArray();
    }

    @Benchmark
    public byte[] romeOutputOnly() throws Exception {
        return output(prebuilt);
    }

    @Benchmark
    public byte[] romeFromDomain() throws Exception {
        return output(romeFeed());
    }

    private static byte[] output(SyndFeed feed) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream(OUTPUT_BUFFER);
        new SyndFeedOutput().output(feed, new OutputStreamWriter(out, StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    private SyndFeed romeFeed() {
        SyndFeed feed = new SyndFeedImpl();
        feed.setFeedType("rss_2.0");
        feed.setTitle(show.title());
        feed.setLink(show.siteBaseUrl());
        feed.setDescription(show.description());
        feed.setLanguage(show.language());
        feed.setCopyright(show.copyright());
        feed.setPublishedDate(Date.from(Instant.parse("2024-01-01T00:00:00Z")));
        FeedInformation itunes = new FeedInformationImpl();
        itunes.setAuthor(show.author());
        itunes.setImageUri(show.artworkUrl());
        itunes.setExplicit(show.explicit());
        itunes.setOwnerName(show.ownerName());
        itunes.setOwnerEmailAddress(show.ownerEmail());
        itunes.setType("episodic");
        itunes.getCategories().add(new Category(show.appleCategory()));
        List<Module> feedModules = new ArrayList<>(feed.getModules());
        feedModules.add(itunes);
        feed.setModules(feedModules);
        List<SyndEntry> entries = new ArrayList<>(episodes.size());
        for (Episode e : episodes) {
            SyndEntry entry = new SyndEntryImpl();
            entry.setTitle(e.title());
            entry.setLink(show.siteBaseUrl() + "/episodes/" + e.slug());
            entry.setUri(e.guid());
            entry.setPublishedDate(Date.from(e.publishAt()));
            SyndContentImpl description = new SyndContentImpl();
            description.setType("text/html");
            description.setValue(e.showNotesHtml());
            entry.setDescription(description);
            SyndEnclosureImpl enclosure = new SyndEnclosureImpl();
            enclosure.setUrl(MEDIA + "/" + e.audio().key());
            enclosure.setLength(e.audio().bytes());
            enclosure.setType(e.audio().contentType());
            entry.setEnclosures(List.of(enclosure));
            EntryInformation info = new EntryInformationImpl();
            info.setDuration(new Duration(e.audio().durationSeconds() * 1000));
            info.setEpisodeType(e.episodeType().wireName());
            info.setSeason(e.season());
            info.setEpisode(e.episodeNumber());
            info.setExplicit(e.explicit());
            PodloveSimpleChapterModule psc = new PodloveSimpleChapterModuleImpl();
            List<SimpleChapter> chapters = new ArrayList<>();
            for (Chapter c : e.chapters()) {
                SimpleChapter sc = new SimpleChapter();
                sc.setStart(String.format(Locale.ROOT, "%d:%02d", c.startMillis() / 60_000, (c.startMillis() / 1000) % 60));
                sc.setTitle(c.title());
                chapters.add(sc);
            }
            psc.setChapters(chapters);
            List<Module> modules = new ArrayList<>(entry.getModules());
            modules.add(info);
            modules.add(psc);
            entry.setModules(modules);
            entries.add(entry);
        }
        feed.setEntries(entries);
        return feed;
    }

    /** An episode shaped like the seeds: 25 chapters, a guest, tags, links, ~2 kB of notes. */
    static Episode episode(int i, Instant publishAt) {
        String id = "00000000-0000-4000-8000-" + String.format(Locale.ROOT, "%012d", i);
        List<Chapter> chapters = new ArrayList<>();
        for (int c = 0; c < 25; c++) {
            chapters.add(new Chapter(c * 150_000L + 1_000, "Topic " + c + ": motivation for using Rails, Postgres & Redis <at scale>", null));
        }
        String notes = ("Jason talks about using StimulusReflex / Action Cable, upgrading to **Sidekiq Enterprise**, writing tons of "
                + "tests, setting up [auto scaling](https://example.com/autoscale) on Heroku & more.\n\n").repeat(8);
        return new Episode(id, "episode-" + i, "guid-" + id, "Episode " + i + ": Podia Has Everything You Need to Sell Online Courses",
                "In this episode of Running in Production, a guest goes over building a video course platform.",
                notes, ShowNotes.toHtml(notes), chapters,
                List.of(new Guest("Jason Charnes", "guest", "https://podia.com", null, "@jmcharnes")),
                List.of("rails", "ruby", "postgres"), List.of(new Link(LinkKind.REFERENCE, "https://hotwire.dev/", null)),
                1, i + 1, EpisodeType.FULL, false,
                new Audio("audio/" + id + "/upload-" + i + ".mp3", "audio/mpeg", 68_807_424, 4_300_000),
                Status.PUBLISHED, publishAt, publishAt, publishAt, 1, List.of(), null);
    }

}
