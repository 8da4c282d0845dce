package dev.castline.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.castline.domain.Audio;
import dev.castline.domain.Chapter;
import dev.castline.domain.Episode;
import dev.castline.domain.EpisodeType;
import dev.castline.domain.Guest;
import dev.castline.domain.Link;
import dev.castline.domain.LinkKind;
import dev.castline.domain.PodcastGuid;
import dev.castline.domain.Show;
import dev.castline.domain.ShowNotes;
import dev.castline.domain.Slugs;
import dev.castline.domain.Status;
import dev.castline.store.EpisodeStore;
import dev.castline.store.ShowStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Loads the sample show (local/src/main/resources/sample-data.json, made from the real show notes
 * in the seeds) into the store, so a newcomer's first request returns real episodes. Every
 * episode goes through the same validation as any other write.
 *
 * <p>The audio of sample episodes is metadata only (size, duration, key): no audio objects are
 * uploaded, so their {@code /media} URLs answer 404 until real audio is uploaded.
 */
final class SampleData {
    static final String RESOURCE = "/sample-data.json";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private SampleData() {
    }

    /**
     * @param feedUrl the feed's public URL on this stack (the sample show's podcast:guid derives from it)
     * @return the slugs of the episodes stored, newest first
     */
    static List<String> load(EpisodeStore store, ShowStore shows, String feedUrl) {
        JsonNode root;
        try (InputStream in = SampleData.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            root = MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        shows.save(show(root.path("show"), feedUrl));
        List<String> slugs = new ArrayList<>();
        Set<String> taken = new HashSet<>();
        for (JsonNode e : root.path("episodes")) {
            Episode episode = episode(e, uniqueSlug(e.path("title").asText(), taken));
            store.create(episode);
            slugs.add(episode.slug());
        }
        return slugs;
    }

    private static Show show(JsonNode s, String feedUrl) {
        return new Show(text(s, "title"), text(s, "author"), text(s, "description"), text(s, "language"),
                text(s, "artworkUrl"), text(s, "appleCategory"), text(s, "appleSubcategory"), s.path("explicit").asBoolean(false),
                text(s, "ownerName"), text(s, "ownerEmail"), text(s, "websiteUrl"), text(s, "copyright"),
                text(s, "fundingUrl"), text(s, "fundingText"), feedUrl, PodcastGuid.forFeedUrl(feedUrl).toString(),
                false, true, null);
    }

    private static Episode episode(JsonNode e, String slug) {
        String id = UUID.randomUUID().toString();
        Instant published = Instant.parse(e.path("publishedAt").asText());
        String notes = text(e, "showNotes");
        List<Chapter> chapters = new ArrayList<>();
        e.path("chapters").forEach(c -> chapters.add(new Chapter(c.path("startTime").asLong() * 1000, c.path("title").asText(), text(c, "url"))));
        List<Guest> guests = new ArrayList<>();
        e.path("guests").forEach(g -> guests.add(new Guest(g.path("name").asText(), g.path("role").asText("guest"),
                text(g, "website"), text(g, "avatarUrl"), text(g, "socialHandle"))));
        List<String> tags = new ArrayList<>();
        e.path("tags").forEach(t -> tags.add(t.asText()));
        List<Link> links = new ArrayList<>();
        e.path("links").forEach(l -> links.add(new Link(LinkKind.fromWire(l.path("kind").asText(), "links.kind"),
                l.path("url").asText(), text(l, "title"))));
        Audio audio = new Audio("audio/" + id + "/" + UUID.randomUUID() + ".mp3", "audio/mpeg",
                e.path("audioBytes").asLong(), e.path("durationSeconds").asLong() * 1000);
        return new Episode(id, slug, UUID.randomUUID().toString(), e.path("title").asText(), text(e, "summary"),
                notes, ShowNotes.toHtml(notes), chapters, guests, tags, links, null, null,
                EpisodeType.fromWire(e.path("episodeType").asText("full"), "episodeType"), e.path("explicit").asBoolean(false),
                audio, Status.PUBLISHED, published, published, published, 1, List.of(), null);
    }

    private static String uniqueSlug(String title, Set<String> taken) {
        String base = Slugs.fromTitle(title);
        String slug = base;
        for (int n = 2; !taken.add(slug); n++) {
            slug = base + "-" + n;
        }
        return slug;
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
