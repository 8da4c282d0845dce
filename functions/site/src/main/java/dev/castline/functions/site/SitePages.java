package dev.castline.functions.site;

import dev.castline.api.Paths;
import dev.castline.domain.Artwork;
import dev.castline.domain.Audio;
import dev.castline.domain.AudioFormat;
import dev.castline.domain.Chapter;
import dev.castline.domain.Episode;
import dev.castline.domain.EpisodeSummary;
import dev.castline.domain.Guest;
import dev.castline.domain.Link;
import dev.castline.domain.LinkKind;
import dev.castline.domain.MediaKey;
import dev.castline.domain.Show;
import dev.castline.domain.Slugs;
import dev.castline.domain.Tags;
import dev.castline.http.CursorCodec;
import dev.castline.store.EpisodePageReads;
import dev.castline.store.EpisodeStore;
import dev.castline.store.SideBySide;
import dev.castline.store.Page;
import dev.castline.store.ShowStore;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * What each page of the site shows, read from the store and decided here: which episodes, which
 * links, which images (only those served from our own media URL: a page never makes a listener's
 * browser call another host), and every URL. The templates only lay it out.
 *
 * <p>Reads per page: home and tag pages one Query (the listing index or the tag's entries, which
 * hold the summary fields) and one GetItem (the show), side by side; an episode page one
 * BatchGetItem (slug and show), then its GetItem and its neighbours' two one-item Queries side by
 * side ({@link EpisodePageReads}); the embed page the same without neighbours; no Scan anywhere.
 */
public final class SitePages {
    /** Episodes per page of the home and tag pages. */
    static final int PAGE_SIZE = 10;

    /** A page's outcome: the view to render, or where the page now lives. */
    public sealed interface Outcome {
    }

    /**
     * @param audioOrigin the origin of an imported episode's audio, which another host serves (the
     *                    page's media policy allows it, and nothing else of that host); null when
     *                    the audio is ours
     */
    public record Rendered(int status, Object view, String template, String audioOrigin) implements Outcome {
        public Rendered(int status, Object view, String template) {
            this(status, view, template, null);
        }
    }

    /** The origin of an imported episode's audio, for the page's media policy; null for our own audio. */
    static String externalAudioOrigin(Episode e) {
        if (e.audio() == null || !e.audio().isExternal()) {
            return null;
        }
        URI uri = URI.create(e.audio().externalUrl());
        return uri.getScheme() + "://" + uri.getRawAuthority();
    }

    public record Moved(String location) implements Outcome {
    }

    private final EpisodeStore episodes;
    private final ShowStore shows;
    private final EpisodePageReads episodePages;
    private final CursorCodec cursors;
    private final String mediaBaseUrl;
    private final Assets assets;
    private final Clock clock;

    public SitePages(EpisodeStore episodes, ShowStore shows, EpisodePageReads episodePages, CursorCodec cursors, String mediaBaseUrl, Assets assets, Clock clock) {
        this.episodes = episodes;
        this.shows = shows;
        this.episodePages = episodePages;
        this.cursors = cursors;
        this.mediaBaseUrl = mediaBaseUrl;
        this.assets = assets;
        this.clock = clock;
    }

    /** {@code /}: the show, then its newest episodes. */
    public Outcome home(Optional<String> cursor) {
        Optional<String> resumeAfter = cursor.map(c -> cursors.open("all", c));
        CompletableFuture<Show> showRead = SideBySide.start(this::show);
        Page<EpisodeSummary> page = episodes.listPublic(Optional.empty(), PAGE_SIZE, resumeAfter, clock.instant());
        Show show = SideBySide.join(showRead);
        String older = page.resumeAfter().map(sk -> "/?cursor=" + cursors.seal("all", sk)).orElse(null);
        String artwork = servedImage(show.artworkUrl());
        String description = orEmpty(show.description());
        List<View.Meta> meta = new ArrayList<>(List.of(
                new View.Meta(true, "og:type", "website"),
                new View.Meta(true, "og:title", show.title()),
                new View.Meta(true, "og:description", description),
                new View.Meta(true, "og:url", absolute(show, "/")),
                new View.Meta(true, "og:site_name", show.title())));
        if (artwork != null) {
            meta.add(new View.Meta(true, "og:image", artwork));
        }
        View.Layout layout = layout(show, resumeAfter.isPresent() ? show.title() + " · older episodes" : show.title(), description,
                "/" + (resumeAfter.isPresent() ? "?cursor=" + cursor.get() : ""), meta, JsonLd.series(show, artwork), null, false);
        View.LinkView funding = funding(show);
        return new Rendered(200, new View.Home(layout, show.title(), show.author(), show.description(), layout.artwork(), show.feedUrl(),
                subscribeLinks(show), funding, cards(page.items()), older), "home.jte");
    }

    /** {@code /tags/{tag}}: the public episodes with this tag, newest first. */
    public Outcome tag(String tag, Optional<String> cursor) {
        if (!Tags.isValid(tag)) {
            return notFound(show(), "No such tag", "No episode is tagged like this.");
        }
        String listing = "tag:" + tag;
        Optional<String> resumeAfter = cursor.map(c -> cursors.open(listing, c));
        CompletableFuture<Show> showRead = SideBySide.start(this::show);
        Page<EpisodeSummary> page = episodes.listPublic(Optional.of(tag), PAGE_SIZE, resumeAfter, clock.instant());
        Show show = SideBySide.join(showRead);
        if (page.items().isEmpty()) {
            return notFound(show, "No such tag", "No published episode is tagged “" + tag + "”.");
        }
        String older = page.resumeAfter().map(sk -> tagPath(tag) + "?cursor=" + cursors.seal(listing, sk)).orElse(null);
        String title = "Episodes tagged “" + tag + "” · " + show.title();
        View.Layout layout = layout(show, title, "Episodes of " + show.title() + " about " + tag + ".",
                tagPath(tag) + (resumeAfter.isPresent() ? "?cursor=" + cursor.get() : ""),
                List.of(new View.Meta(true, "og:type", "website"), new View.Meta(true, "og:title", title),
                        new View.Meta(true, "og:url", absolute(show, tagPath(tag)))), null, null, false);
        return new Rendered(200, new View.TagPage(layout, tag, cards(page.items()), older), "tag.jte");
    }

    /** {@code /episodes/{slug}}: one public episode, the player starting at {@code start} seconds when given. */
    public Outcome episode(String slug, Optional<Long> start) {
        if (!Slugs.isValid(slug)) {
            return notFound(show(), "Episode not found", "There is no episode at this address.");
        }
        EpisodePageReads.Read read = episodePages.read(slug, clock.instant(), true);
        Show show = read.show().show().orElseThrow(SitePages::noShow);
        if (read.episode().isEmpty()) {
            return notFound(show, "Episode not found", "There is no episode at this address.");
        }
        Episode e = read.episode().get();
        if (!e.slug().equals(slug)) {
            return new Moved(Paths.episodePage(e.slug()) + start.map(t -> "?t=" + Times.clock(t)).orElse(""));
        }
        EpisodeStore.Neighbours neighbours = read.neighbours();
        String canonical = absolute(show, Paths.episodePage(slug));
        String audioUrl = e.audio() == null ? null : e.audio().url(mediaBaseUrl);
        String artwork = servedImage(show.artworkUrl());
        String description = e.summary() != null ? e.summary() : orEmpty(show.description());

        List<View.Meta> meta = new ArrayList<>(List.of(
                new View.Meta(true, "og:type", "website"),
                new View.Meta(true, "og:title", e.title()),
                new View.Meta(true, "og:description", description),
                new View.Meta(true, "og:url", canonical),
                new View.Meta(true, "og:site_name", show.title())));
        if (audioUrl != null) {
            meta.add(new View.Meta(true, "og:audio", audioUrl));
            meta.add(new View.Meta(true, "og:audio:type", e.audio().contentType()));
        }
        if (artwork != null) {
            meta.add(new View.Meta(true, "og:image", artwork));
            meta.add(new View.Meta(false, "twitter:image", artwork));
        }
        meta.add(new View.Meta(false, "twitter:card", "player"));
        meta.add(new View.Meta(false, "twitter:title", e.title()));
        meta.add(new View.Meta(false, "twitter:description", description));
        meta.add(new View.Meta(false, "twitter:player", absolute(show, embedPath(slug))));
        meta.add(new View.Meta(false, "twitter:player:width", String.valueOf(OEmbed.WIDTH)));
        meta.add(new View.Meta(false, "twitter:player:height", String.valueOf(OEmbed.HEIGHT)));

        View.Layout layout = layout(show, e.title() + " · " + show.title(), description, Paths.episodePage(slug), meta,
                JsonLd.episode(show, e, canonical, audioUrl, artwork), oembedHref(show, canonical), false);
        List<View.LinkView> references = new ArrayList<>();
        List<View.LinkView> libraries = new ArrayList<>();
        for (Link link : e.links()) {
            String href = safeHref(link.url());
            if (href != null) {
                (link.kind() == LinkKind.LIBRARY ? libraries : references).add(new View.LinkView(href, link.title() != null ? link.title() : link.url()));
            }
        }
        return new Rendered(200, new View.EpisodePage(layout, e.title(), Times.isoDay(e.publishAt()), Times.day(e.publishAt()),
                duration(e.audio()), guests(e.guests()), e.summary(), player(show, e, start), topics(e), e.showNotesHtml(),
                references, libraries, tagLinks(e.tags()), funding(show),
                neighbours.older().map(o -> new View.LinkView(Paths.episodePage(o.slug()), o.title())).orElse(null),
                neighbours.newer().map(n -> new View.LinkView(Paths.episodePage(n.slug()), n.title())).orElse(null),
                download(e.audio()), transcript(e, read.transcript())), "episode.jte", externalAudioOrigin(e));
    }

    /** {@code /embed/{slug}}: the player alone, for an iframe on another site. */
    public Outcome embed(String slug) {
        if (!Slugs.isValid(slug)) {
            return notFound(show(), "Episode not found", "There is no episode at this address.");
        }
        EpisodePageReads.Read read = episodePages.read(slug, clock.instant(), false);
        Show show = read.show().show().orElseThrow(SitePages::noShow);
        if (read.episode().isEmpty()) {
            return notFound(show, "Episode not found", "There is no episode at this address.");
        }
        Episode e = read.episode().get();
        if (!e.slug().equals(slug)) {
            return new Moved(embedPath(e.slug()));
        }
        View.Layout layout = layout(show, e.title() + " · " + show.title(), e.summary() != null ? e.summary() : orEmpty(show.description()),
                Paths.episodePage(slug), List.of(), null, null, true);
        return new Rendered(200, new View.Embed(layout, e.title(), absolute(show, Paths.episodePage(slug)),
                layout.artwork(), player(show, e, Optional.empty()), topics(e)), "embed.jte", externalAudioOrigin(e));
    }

    /** The styled page for an address the site has nothing at. */
    public Outcome missing() {
        return notFound(show(), "Page not found", "There is nothing at this address.");
    }

    /** A page for a request the site refuses (status 4xx) or could not serve (5xx), without reading anything. */
    public Rendered problem(int status, String heading, String message) {
        View.Layout layout = new View.Layout("en", heading, message, "/", "/", "Home", Paths.FEED, assets.css().href(), assets.js().href(),
                assets.icon().href(), null, List.of(), null, null, true, null);
        return new Rendered(status, new View.Problem(layout, heading, message), "problem.jte");
    }

    /** The public episodes' pages, for the sitemap: one Query per hundred. */
    public List<EpisodeSummary> allPublic() {
        List<EpisodeSummary> all = new ArrayList<>();
        Optional<String> resumeAfter = Optional.empty();
        Instant now = clock.instant();
        do {
            Page<EpisodeSummary> page = episodes.listPublic(Optional.empty(), 100, resumeAfter, now);
            all.addAll(page.items());
            resumeAfter = page.resumeAfter();
        } while (resumeAfter.isPresent());
        return all;
    }

    /**
     * Runs a read beside the one the caller makes next: the show item and a page's episodes do not
     * depend on each other, so a page waits for the slower of the two round trips, not their sum.
     * Virtual threads: nothing to size or shut down, and nothing held between requests.
     */

    /** The show's settings; a show not set up yet has no pages. */
    public Show show() {
        return shows.load().show().orElseThrow(SitePages::noShow);
    }

    private static dev.castline.domain.NotFoundException noShow() {
        return new dev.castline.domain.NotFoundException("This podcast has no show settings yet.");
    }

    /** A public episode by slug, for oEmbed. */
    public Optional<Episode> publicEpisode(String slug) {
        return Slugs.isValid(slug) ? episodes.findPublicBySlug(slug, clock.instant()).filter(e -> e.slug().equals(slug)) : Optional.empty();
    }

    private Rendered notFound(Show show, String heading, String message) {
        View.Layout layout = layout(show, heading + " · " + show.title(), message, "/", List.of(), null, null, true);
        return new Rendered(404, new View.Problem(layout, heading, message), "problem.jte");
    }

    private View.Layout layout(Show show, String title, String description, String path, List<View.Meta> meta,
                               String jsonLd, String oembed, boolean noindex) {
        return new View.Layout(language(show), title, description, absolute(show, path), "/", show.title(), show.feedUrl(),
                assets.css().href(), assets.js().href(), assets.icon().href(), artworkImage(show.artworkUrl()), meta, jsonLd, oembed, noindex,
                show.copyright());
    }

    private View.Player player(Show show, Episode e, Optional<Long> start) {
        if (e.audio() == null) {
            return null;
        }
        String src = e.audio().url(mediaBaseUrl) + start.filter(t -> t > 0).map(t -> "#t=" + t).orElse("");
        return new View.Player(src, e.audio().contentType(), e.slug(), e.audio().durationSeconds(), e.title(), show.title(),
                servedImage(show.artworkUrl()), trimSlash(show.siteBaseUrl()));
    }

    /** More cues than this and the transcript starts collapsed to a screenful. */
    static final int COLLAPSE_AFTER_CUES = 30;

    private static View.TranscriptView transcript(Episode e, Optional<dev.castline.transcript.Transcript> transcript) {
        if (transcript.isEmpty() || e.transcript() == null) {
            return null;
        }
        List<View.CueView> cues = new ArrayList<>(transcript.get().cues().size());
        String speaker = null;
        for (dev.castline.transcript.Cue c : transcript.get().cues()) {
            long start = c.startMillis() / 1000;
            boolean named = c.speaker() != null && !c.speaker().equals(speaker);
            speaker = c.speaker() != null ? c.speaker() : speaker;
            cues.add(new View.CueView(start, Paths.episodePage(e.slug()) + "?t=" + Times.clock(start), Times.clock(start),
                    named ? c.speaker() : null, c.text().replace('\n', ' ')));
        }
        return new View.TranscriptView(e.transcript().language(), cues.size() > COLLAPSE_AFTER_CUES, cues);
    }

    private static List<View.Topic> topics(Episode e) {
        List<View.Topic> topics = new ArrayList<>();
        for (Chapter c : e.chapters()) {
            long start = c.startMillis() / 1000;
            topics.add(new View.Topic(start, Paths.episodePage(e.slug()) + "?t=" + Times.clock(start), Times.clock(start), c.title(), safeHref(c.url())));
        }
        return topics;
    }

    private List<View.Card> cards(List<EpisodeSummary> items) {
        List<View.Card> cards = new ArrayList<>(items.size());
        for (EpisodeSummary s : items) {
            cards.add(new View.Card(Paths.episodePage(s.slug()), s.title(), Times.isoDay(s.publishAt()), Times.day(s.publishAt()),
                    duration(s.audio()), s.summary(), s.guests().stream().map(Guest::name).toList(), tagLinks(s.tags())));
        }
        return cards;
    }

    private List<View.GuestView> guests(List<Guest> guests) {
        List<View.GuestView> views = new ArrayList<>();
        for (Guest g : guests) {
            String social = g.socialHandle();
            views.add(new View.GuestView(g.name(), servedImage(g.avatarUrl()), safeHref(g.website()), social,
                    social != null ? safeHref(social) : null));
        }
        return views;
    }

    private static List<View.TagLink> tagLinks(List<String> tags) {
        return tags.stream().map(t -> new View.TagLink(t, tagPath(t))).toList();
    }

    private View.LinkView download(Audio audio) {
        if (audio == null) {
            return null;
        }
        String format = AudioFormat.ofContentType(audio.contentType()).map(f -> f.extension().toUpperCase(Locale.ROOT)).orElse("audio");
        long mb = Math.max(1, Math.round(audio.bytes() / 1_000_000.0));
        return new View.LinkView(audio.url(mediaBaseUrl), "Download the audio (" + format + ", " + mb + " MB)");
    }

    private static String duration(Audio audio) {
        return audio == null ? null : Times.clock(audio.durationSeconds());
    }

    private static View.LinkView funding(Show show) {
        String href = safeHref(show.fundingUrl());
        return href == null ? null : new View.LinkView(href, show.fundingText() != null ? show.fundingText() : "Support the show");
    }

    /** The show's pages on podcast apps, in the apps' order, under the names listeners know. */
    private static List<View.LinkView> subscribeLinks(Show show) {
        List<View.LinkView> links = new ArrayList<>();
        show.subscribeLinks().forEach((app, url) -> {
            String href = safeHref(url);
            dev.castline.domain.PodcastApp.ofWireName(app).filter(a -> href != null)
                    .ifPresent(a -> links.add(new View.LinkView(href, a.label())));
        });
        return links;
    }

    private static String oembedHref(Show show, String canonical) {
        return trimSlash(show.siteBaseUrl()) + "/oembed?url=" + URLEncoder.encode(canonical, StandardCharsets.UTF_8) + "&format=json";
    }

    /**
     * The show's artwork as the pages' {@code <img>} show it. Artwork we serve (our media URL, an
     * artwork key) comes with the smaller renditions the upload processor wrote when it accepted
     * it, at the keys {@link MediaKey#rendition} makes: the smallest is the {@code src}, all are the
     * {@code srcset}, and the browser picks by the template's {@code sizes} and the screen's
     * density, so a page never decodes the full-size image to show it at 48 px. Another image our
     * media URL serves is shown as it is; another host's, not at all. (Open Graph, JSON-LD and the
     * feed name the original: apps and Apple want it large.)
     */
    View.Image artworkImage(String artworkUrl) {
        String served = servedImage(artworkUrl);
        if (served == null) {
            return null;
        }
        Optional<MediaKey> artwork = MediaKey.ofUrl(mediaBaseUrl, served).filter(k -> k.kind() == MediaKey.Kind.ARTWORK);
        if (artwork.isEmpty()) {
            return new View.Image(served, null);
        }
        List<String> candidates = new ArrayList<>();
        for (int side : Artwork.RENDITION_SIDES) {
            candidates.add(MediaKey.url(mediaBaseUrl, artwork.get().rendition(side)) + " " + side + "w");
        }
        return new View.Image(MediaKey.url(mediaBaseUrl, artwork.get().rendition(Artwork.RENDITION_SIDES.getFirst())),
                String.join(", ", candidates));
    }

    /** An image only if our own media URL serves it; anything else would be a request to another host. */
    String servedImage(String url) {
        return url != null && url.startsWith(mediaBaseUrl + "/") ? url : null;
    }

    /** Only http(s) URLs become links; anything else ({@code javascript:}, {@code data:}) is dropped. */
    static String safeHref(String url) {
        if (url == null) {
            return null;
        }
        try {
            URI uri = URI.create(url);
            String scheme = uri.getScheme();
            return scheme != null && (scheme.equalsIgnoreCase("https") || scheme.equalsIgnoreCase("http")) && uri.getHost() != null ? url : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static String tagPath(String tag) {
        return "/tags/" + tag;
    }

    static String embedPath(String slug) {
        return "/embed/" + slug;
    }

    static String absolute(Show show, String path) {
        return trimSlash(show.siteBaseUrl()) + path;
    }

    private static String trimSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private static String language(Show show) {
        return show.language() == null ? "en" : show.language();
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
