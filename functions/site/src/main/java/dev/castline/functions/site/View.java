package dev.castline.functions.site;

import java.util.List;

/**
 * What the templates show, already decided and formatted: the templates only lay it out and
 * escape it (jte escapes every {@code ${...}} for its HTML context). A URL here is either null or
 * safe to link: {@link SitePages} lets only http(s) and site-relative ones through.
 */
public final class View {
    private View() {
    }

    /** What every page's head and frame hold. */
    public record Layout(String lang, String title, String description, String canonical, String siteHref,
                         String showTitle, String feedUrl, String cssHref, String jsHref, String iconHref, Image artwork,
                         List<Meta> meta, String jsonLd, String oembedHref, boolean noindex, String copyright) {
    }

    /**
     * An {@code <img>}'s sources: {@code src}, and when the image has smaller copies, all of them
     * as a {@code srcset} with width descriptors; {@code srcset} is null for an image we have only
     * as it is (jte then leaves the attribute out).
     */
    public record Image(String src, String srcset) {
        /**
         * The {@code sizes} attribute for an image the template lays out {@code cssPixels} wide
         * (site.css), which the browser reads with the screen's density to pick from
         * {@code srcset}; null without a {@code srcset}, where it would be invalid.
         */
        public String sizes(int cssPixels) {
            return srcset == null ? null : cssPixels + "px";
        }
    }

    /** A {@code <meta>}: {@code property} for Open Graph, {@code name} for the rest. */
    public record Meta(boolean property, String key, String content) {
    }

    public record LinkView(String href, String text) {
    }

    public record TagLink(String name, String href) {
    }

    /** An episode in a list. */
    public record Card(String href, String title, String dateIso, String dateText, String duration,
                       String summary, List<String> guests, List<TagLink> tags) {
    }

    public record Home(Layout layout, String title, String author, String description, Image artwork,
                       String feedUrl, List<LinkView> subscribeLinks, LinkView funding, List<Card> episodes,
                       String olderHref) {
    }

    public record TagPage(Layout layout, String tag, List<Card> episodes, String olderHref) {
    }

    public record GuestView(String name, String avatarSrc, String website, String social, String socialHref) {
    }

    /** A chapter as a link that starts the player there. */
    public record Topic(long start, String href, String time, String title, String url) {
    }

    /**
     * What the player needs; {@code audioSrc} carries a media fragment when the page asked for a
     * start time. {@code artwork} is the full-size image, for the Media Session (lock screens and
     * car displays show it large; the page itself never decodes it).
     */
    public record Player(String audioSrc, String contentType, String slug, long durationSeconds, String title,
                         String show, String artwork, String baseUrl) {
    }

    public record EpisodePage(Layout layout, String title, String dateIso, String dateText, String duration,
                              List<GuestView> guests, String summary, Player player, List<Topic> topics,
                              String showNotesHtml, List<LinkView> references, List<LinkView> libraries,
                              List<TagLink> tags, LinkView funding, LinkView older, LinkView newer, LinkView download,
                              TranscriptView transcript) {
    }

    /**
     * The episode's transcript, in the page: each cue a link to its time.
     *
     * @param collapsed long enough to be shown a screenful at a time until the listener asks for all
     *                  (still all in the page: search engines, Ctrl-F and screen readers have every cue)
     */
    public record TranscriptView(String language, boolean collapsed, List<CueView> cues) {
    }

    /** @param speaker named when it changes, null otherwise */
    public record CueView(long start, String href, String time, String speaker, String text) {
    }

    public record Embed(Layout layout, String title, String pageHref, Image artwork, Player player, List<Topic> topics) {
    }

    public record Problem(Layout layout, String heading, String message) {
    }
}
