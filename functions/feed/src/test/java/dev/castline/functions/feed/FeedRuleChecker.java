package dev.castline.functions.feed;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Checks a rendered podcast RSS feed against the rules in docs/feed-rules.md (Apple's RSS requirements,
 * the Podcasting 2.0 namespace and Podlove Simple Chapters), so that feed tests can assert "no
 * violations" and, on failure, print every broken rule at once instead of the first one.
 *
 * <p>Elements are looked up by namespace URI, never by prefix: a feed that binds {@code itunes}
 * to a misspelt URI is, to a real client, a feed without any iTunes tags, and is reported so.
 * Element text is compared after stripping surrounding whitespace, as clients do.
 */
public final class FeedRuleChecker {

    static final String ITUNES_NS = "http://www.itunes.com/dtds/podcast-1.0.dtd";
    static final String PODCAST_NS = "https://podcastindex.org/namespace/1.0";
    static final String PSC_NS = "http://podlove.org/simple-chapters";
    static final String ATOM_NS = "http://www.w3.org/2005/Atom";
    static final String CONTENT_NS = "http://purl.org/rss/1.0/modules/content/";

    /** Plain RSS 2.0 elements are in no namespace. */
    private static final String RSS_NS = null;

    private static final Map<String, String> EXPECTED_NAMESPACES = Map.of(
            "itunes", ITUNES_NS,
            "podcast", PODCAST_NS,
            "psc", PSC_NS,
            "atom", ATOM_NS,
            "content", CONTENT_NS);

    private static final String CATEGORIES_RESOURCE = "/dev/castline/domain/apple-categories.txt";
    private static final String SUBCATEGORY_SEPARATOR = " > ";

    /** The podcast:guid namespace fixed by the Podcasting 2.0 spec. */
    private static final UUID PODCAST_GUID_NAMESPACE =
            UUID.fromString("ead4c236-bf58-58c6-a2c6-a6b28d128cb6");

    private static final int MAX_DESCRIPTION_BYTES = 4000;

    private static final Pattern LANGUAGE = Pattern.compile("^[a-z]{2,3}(-[a-zA-Z]{2,8})*$");
    private static final Pattern DIGITS = Pattern.compile("^\\d+$");
    private static final Pattern DECIMAL = Pattern.compile("^\\d+(\\.\\d+)?$");
    private static final Pattern NORMAL_PLAY_TIME = Pattern.compile("^(\\d+:)?(\\d+:)?\\d+(\\.\\d+)?$");
    // UUID.fromString accepts non-canonical forms such as "1-2-3-4-5"; a feed must carry the canonical one.
    private static final Pattern CANONICAL_UUID = Pattern.compile(
            "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");

    private static final Set<String> ENCLOSURE_TYPES = Set.of("audio/mpeg", "audio/x-m4a", "audio/mp4");
    private static final Map<String, String> EXTENSION_FOR_TYPE = Map.of(
            "audio/mpeg", ".mp3",
            "audio/x-m4a", ".m4a");
    private static final Set<String> TRUE_FALSE = Set.of("true", "false");
    private static final Set<String> SHOW_TYPES = Set.of("episodic", "serial");
    private static final Set<String> EPISODE_TYPES = Set.of("full", "trailer", "bonus");
    private static final Set<String> YES_NO = Set.of("yes", "no");
    private static final Set<String> MEDIUMS =
            Set.of("podcast", "music", "video", "film", "audiobook", "newsletter", "blog");
    /** The namespace's socialprotocols.txt. */
    private static final Set<String> SOCIAL_PROTOCOLS =
            Set.of("disabled", "activitypub", "twitter", "lightning", "bluesky", "hive", "matrix", "nostr");
    /** Node values and attributes the namespace asks to keep short (aggregators truncate them). */
    private static final int SHORT_TEXT = 128;
    private static final Pattern GEO_URI = Pattern.compile("^geo:-?\\d+(\\.\\d+)?,-?\\d+(\\.\\d+)?(,-?\\d+(\\.\\d+)?)?(;[A-Za-z0-9-]+=[^;\\s]+)*$");
    private static final Pattern OSM_ID = Pattern.compile("^[NWR][1-9]\\d*$");
    private static final Pattern RRULE = Pattern.compile("^([A-Z]+=[^;\\s]+)(;[A-Z]+=[^;\\s]+)*$");

    private FeedRuleChecker() {
    }

    // ---------------------------------------------------------------- public API

    /**
     * Every rule the feed breaks, as human-readable lines naming the element and item; empty when it passes.
     *
     * @param rssXml          the feed exactly as served
     * @param appleCategories Apple's taxonomy as {@link #appleCategories()} returns it:
     *                        {@code "Technology"}, {@code "Arts > Books"}, ...
     */
    public static List<String> violations(byte[] rssXml, Set<String> appleCategories) {
        Objects.requireNonNull(rssXml, "rssXml");
        Objects.requireNonNull(appleCategories, "appleCategories");
        Document document;
        try {
            document = parseSecurely(rssXml);
        } catch (SAXException | IOException e) {
            return List.of("feed is not well-formed XML: " + describe(e));
        }
        List<String> violations = new ArrayList<>();
        new Run(violations, appleCategories).check(document);
        return List.copyOf(violations);
    }

    /** Parses the category list from the classpath resource /dev/castline/domain/apple-categories.txt. */
    public static Set<String> appleCategories() {
        try (InputStream in = FeedRuleChecker.class.getResourceAsStream(CATEGORIES_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(CATEGORIES_RESOURCE
                        + " is not on the classpath (it lives in castline-shared's resources)");
            }
            return parseCategories(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + CATEGORIES_RESOURCE, e);
        }
    }

    /**
     * The podcast:guid a feed at {@code feedUrl} must carry: a version 5 (SHA-1, name-based) UUID in
     * the Podcasting 2.0 namespace, named by the URL without its scheme and without trailing slashes.
     * {@link UUID#nameUUIDFromBytes} is no substitute: it makes version 3 (MD5) UUIDs.
     */
    public static UUID podcastGuidFor(String feedUrl) {
        String name = feedUrl.strip()
                .replaceFirst("(?i)^https?://", "")
                .replaceFirst("/+$", "");
        byte[] hash = sha1(concat(toBytes(PODCAST_GUID_NAMESPACE), name.getBytes(StandardCharsets.UTF_8)));
        hash[6] = (byte) ((hash[6] & 0x0f) | 0x50); // version 5
        hash[8] = (byte) ((hash[8] & 0x3f) | 0x80); // RFC 4122 variant
        return fromBytes(hash);
    }

    // ---------------------------------------------------------------- one check of one feed

    /** Holds what a single {@link #violations} call accumulates, so the rule methods stay small. */
    private static final class Run {
        private final List<String> out;
        private final Set<String> categories;

        Run(List<String> out, Set<String> categories) {
            this.out = out;
            this.categories = categories;
        }

        void check(Document document) {
            checkNamespaceDeclarations(document.getDocumentElement());
            Optional<Element> channel = checkRoot(document.getDocumentElement());
            if (channel.isEmpty()) {
                return; // nothing else can be located without a channel
            }
            Element ch = channel.get();
            checkChannelRequired(ch);
            String showType = checkChannelRecommended(ch);
            checkPodcastGuid(ch);
            checkChannelPodcastTags(ch);
            checkItems(ch, "serial".equals(showType));
        }

        // ---- rule 1: root, channel, namespaces

        private Optional<Element> checkRoot(Element root) {
            if (!is(root, RSS_NS, "rss")) {
                out.add("rss: root element must be <rss> in no namespace, was <" + root.getTagName() + ">");
                return Optional.empty();
            }
            if (!"2.0".equals(attr(root, "version"))) {
                out.add("rss: version must be \"2.0\", was " + quoted(attr(root, "version")));
            }
            List<Element> channels = children(root, RSS_NS, "channel");
            if (channels.size() != 1) {
                out.add("rss: must contain exactly one <channel>, found " + channels.size());
            }
            return channels.stream().findFirst();
        }

        /** A prefix bound to a near-miss URI makes every tag under it invisible to clients, so name it. */
        private void checkNamespaceDeclarations(Element root) {
            Map<String, Set<String>> wrongBindings = new TreeMap<>();
            forEachElement(root, element -> {
                NamedNodeMap attributes = element.getAttributes();
                for (int i = 0; i < attributes.getLength(); i++) {
                    Attr a = (Attr) attributes.item(i);
                    if (!XMLConstants.XMLNS_ATTRIBUTE_NS_URI.equals(a.getNamespaceURI())) {
                        continue;
                    }
                    String prefix = a.getLocalName();
                    String expected = EXPECTED_NAMESPACES.get(prefix);
                    if (expected != null && !expected.equals(a.getValue())) {
                        wrongBindings.computeIfAbsent(prefix, p -> new LinkedHashSet<>()).add(a.getValue());
                    }
                }
            });
            wrongBindings.forEach((prefix, uris) -> out.add("rss: namespace prefix \"" + prefix
                    + "\" must be bound to \"" + EXPECTED_NAMESPACES.get(prefix) + "\", was "
                    + String.join(", ", uris.stream().map(FeedRuleChecker::quoted).toList())
                    + " (its elements are invisible to clients)"));
        }

        // ---- rule 2: channel required

        private void checkChannelRequired(Element ch) {
            requireNonEmptyText(ch, RSS_NS, "title", "channel", "title");
            requireNonEmptyText(ch, RSS_NS, "description", "channel", "description")
                    .ifPresent(d -> checkDescriptionSize(d, "channel"));
            requireNonEmptyText(ch, RSS_NS, "language", "channel", "language").ifPresent(lang -> {
                if (!LANGUAGE.matcher(lang).matches()) {
                    out.add("channel: language must be an ISO 639 code such as \"en-us\", was " + quoted(lang));
                }
            });
            checkChannelImage(ch);
            checkCategories(ch);
            requireOneOf(ch, ITUNES_NS, "explicit", "channel", "itunes:explicit", TRUE_FALSE, true);
        }

        private void checkChannelImage(Element ch) {
            Optional<Element> image = child(ch, ITUNES_NS, "image");
            if (image.isEmpty()) {
                out.add("channel: itunes:image is missing");
                return;
            }
            requireAbsoluteHttpUrl(attr(image.get(), "href"), "channel", "itunes:image href");
        }

        private void checkCategories(Element ch) {
            List<Element> topLevel = children(ch, ITUNES_NS, "category");
            if (topLevel.isEmpty()) {
                out.add("channel: itunes:category is missing (at least one Apple category is required)");
                return;
            }
            for (Element category : topLevel) {
                String parent = attr(category, "text");
                if (parent == null || parent.isBlank()) {
                    out.add("channel: itunes:category must have a non-empty text attribute");
                } else if (!isTopLevelCategory(parent)) {
                    out.add("channel: itunes:category text " + quoted(parent)
                            + " is not an Apple top-level category" + nestingHint(parent));
                }
                for (Element sub : children(category, ITUNES_NS, "category")) {
                    checkSubcategory(parent, sub);
                }
            }
        }

        private void checkSubcategory(String parent, Element sub) {
            String text = attr(sub, "text");
            String path = parent + SUBCATEGORY_SEPARATOR + text;
            if (text == null || !categories.contains(path)) {
                out.add("channel: nested itunes:category " + quoted(text) + " is not an Apple subcategory of "
                        + quoted(parent));
            }
            if (!children(sub, ITUNES_NS, "category").isEmpty()) {
                out.add("channel: itunes:category " + quoted(path) + " nests a third level, which Apple does not have");
            }
        }

        private boolean isTopLevelCategory(String text) {
            return !text.contains(SUBCATEGORY_SEPARATOR) && categories.contains(text);
        }

        /** A subcategory put at the top level is a common slip; say where it belongs. */
        private String nestingHint(String text) {
            return categories.stream()
                    .filter(c -> c.endsWith(SUBCATEGORY_SEPARATOR + text))
                    .map(c -> c.substring(0, c.indexOf(SUBCATEGORY_SEPARATOR)))
                    .findFirst()
                    .map(p -> " (it is a subcategory of \"" + p + "\": nest it there)")
                    .orElse("");
        }

        // ---- rule 3: channel recommended, which Castline requires

        /** Returns the itunes:type value (or null) because items depend on it. */
        private String checkChannelRecommended(Element ch) {
            checkSelfLink(ch);
            requireNonEmptyText(ch, ITUNES_NS, "author", "channel", "itunes:author");
            requireNonEmptyText(ch, RSS_NS, "link", "channel", "link")
                    .ifPresent(link -> requireAbsoluteHttpUrl(link, "channel", "link"));
            checkOwner(ch);
            return requireOneOf(ch, ITUNES_NS, "type", "channel", "itunes:type", SHOW_TYPES, true).orElse(null);
        }

        private void checkSelfLink(Element ch) {
            Optional<Element> self = selfLink(ch);
            if (self.isEmpty()) {
                out.add("channel: atom:link rel=\"self\" is missing");
                return;
            }
            String type = attr(self.get(), "type");
            if (!"application/rss+xml".equals(type)) {
                out.add("channel: atom:link rel=\"self\" type must be \"application/rss+xml\", was " + quoted(type));
            }
            requireAbsoluteHttpUrl(attr(self.get(), "href"), "channel", "atom:link rel=\"self\" href");
        }

        private void checkOwner(Element ch) {
            Optional<Element> owner = child(ch, ITUNES_NS, "owner");
            if (owner.isEmpty()) {
                out.add("channel: itunes:owner is missing");
                return;
            }
            requireNonEmptyText(owner.get(), ITUNES_NS, "name", "channel", "itunes:owner/itunes:name");
            requireNonEmptyText(owner.get(), ITUNES_NS, "email", "channel", "itunes:owner/itunes:email");
        }

        // ---- rule 4: podcast:guid

        private void checkPodcastGuid(Element ch) {
            Optional<String> guidText = requireNonEmptyText(ch, PODCAST_NS, "guid", "channel", "podcast:guid");
            if (guidText.isEmpty()) {
                return;
            }
            String raw = guidText.get();
            if (!CANONICAL_UUID.matcher(raw).matches()) {
                out.add("channel: podcast:guid must be a UUID, was " + quoted(raw));
                return;
            }
            UUID guid = UUID.fromString(raw);
            if (guid.version() != 5 || guid.variant() != 2) {
                out.add("channel: podcast:guid must be a version 5 RFC 4122 UUID, was " + quoted(raw)
                        + " (version " + guid.version() + ", variant " + guid.variant() + ")");
                return;
            }
            // The feed's URL is its self link, or on an RFC 5005 archive page its "first" link.
            linkWithRel(ch, "first").or(() -> selfLink(ch)).map(link -> attr(link, "href")).filter(href -> !href.isBlank()).ifPresent(href -> {
                UUID expected = podcastGuidFor(href);
                if (!expected.equals(guid)) {
                    out.add("channel: podcast:guid must be " + expected + " (derived from the feed URL "
                            + quoted(href) + "), was " + quoted(raw));
                }
            });
        }

        // ---- rules 11 and 12 at channel level

        private void checkChannelPodcastTags(Element ch) {
            for (Element funding : children(ch, PODCAST_NS, "funding")) {
                requireAbsoluteHttpUrl(attr(funding, "url"), "channel", "podcast:funding url");
            }
            requireOneOf(ch, PODCAST_NS, "locked", "channel", "podcast:locked", YES_NO, false);
            requireOneOf(ch, PODCAST_NS, "medium", "channel", "podcast:medium", MEDIUMS, false);
            checkPersons(ch, "channel");
            checkAppleSwitches(ch);
            checkLicenses(ch, "channel");
            checkLocations(ch);
            checkTxt(ch);
            checkUpdateFrequency(ch);
            checkPodroll(ch);
            checkTrailers(ch);
        }

        // ---- Apple's situational channel tags

        /** itunes:block and itunes:complete do something only as "Yes": anything else is a mistake. */
        private void checkAppleSwitches(Element ch) {
            for (String local : List.of("block", "complete")) {
                List<Element> found = children(ch, ITUNES_NS, local);
                if (found.size() > 1) {
                    out.add("channel: itunes:" + local + " must appear at most once, found " + found.size());
                }
                for (Element e : found) {
                    if (!"Yes".equals(text(e))) {
                        out.add("channel: itunes:" + local + " must be \"Yes\" (Apple ignores any other value; leave it out instead), was " + quoted(text(e)));
                    }
                }
            }
            List<Element> moved = children(ch, ITUNES_NS, "new-feed-url");
            if (moved.size() > 1) {
                out.add("channel: itunes:new-feed-url must appear at most once, found " + moved.size());
            }
            for (Element e : moved) {
                if (requireAbsoluteHttpUrl(text(e), "channel", "itunes:new-feed-url")) {
                    selfLink(ch).map(link -> attr(link, "href")).filter(text(e)::equals).ifPresent(href ->
                            out.add("channel: itunes:new-feed-url must name the feed's new address, not its own " + quoted(href)));
                }
            }
        }

        // ---- Podcasting 2.0: license, location, txt, updateFrequency, podroll, trailer

        private void checkLicenses(Element parent, String where) {
            List<Element> licenses = children(parent, PODCAST_NS, "license");
            if (licenses.size() > 1) {
                out.add(where + ": podcast:license must appear at most once, found " + licenses.size());
            }
            for (Element license : licenses) {
                requireShortText(license, where, "podcast:license");
                String url = attr(license, "url");
                if (url != null && requireAbsoluteHttpUrl(url, where, "podcast:license url") && !url.regionMatches(true, 0, "https:", 0, 6)) {
                    out.add(where + ": podcast:license url must be https (the namespace's rule for web resources), was " + quoted(url));
                }
            }
        }

        private void checkLocations(Element ch) {
            for (Element location : children(ch, PODCAST_NS, "location")) {
                requireShortText(location, "channel", "podcast:location");
                String geo = attr(location, "geo");
                if (geo != null && !GEO_URI.matcher(geo).matches()) {
                    out.add("channel: podcast:location geo must be an RFC 5870 geo URI such as \"geo:30.2672,97.7431\", was " + quoted(geo));
                }
                String osm = attr(location, "osm");
                if (osm != null && !OSM_ID.matcher(osm).matches()) {
                    out.add("channel: podcast:location osm must be an OpenStreetMap type and id such as \"R113314\", was " + quoted(osm));
                }
            }
        }

        private void checkTxt(Element ch) {
            for (Element txt : children(ch, PODCAST_NS, "txt")) {
                String value = text(txt);
                if (value.isEmpty()) {
                    out.add("channel: podcast:txt must have text");
                } else if (value.length() > 4000) {
                    out.add("channel: podcast:txt text must be at most 4000 characters, was " + value.length());
                }
                String purpose = attr(txt, "purpose");
                if (purpose != null && (purpose.isBlank() || purpose.length() > SHORT_TEXT)) {
                    out.add("channel: podcast:txt purpose must be 1 to " + SHORT_TEXT + " characters, was " + quoted(purpose));
                }
            }
        }

        private void checkUpdateFrequency(Element ch) {
            List<Element> found = children(ch, PODCAST_NS, "updateFrequency");
            if (found.size() > 1) {
                out.add("channel: podcast:updateFrequency must appear at most once, found " + found.size());
            }
            for (Element frequency : found) {
                requireShortText(frequency, "channel", "podcast:updateFrequency");
                String complete = attr(frequency, "complete");
                if (complete != null && !TRUE_FALSE.contains(complete)) {
                    out.add("channel: podcast:updateFrequency complete must be \"true\" or \"false\", was " + quoted(complete));
                }
                String rrule = attr(frequency, "rrule");
                if (rrule != null && (!RRULE.matcher(rrule).matches() || !("FREQ=".regionMatches(0, rrule, 0, 5) || rrule.contains(";FREQ=")))) {
                    out.add("channel: podcast:updateFrequency rrule must be an RFC 5545 rule naming FREQ, was " + quoted(rrule));
                }
                if (rrule != null && rrule.contains("COUNT=") && attr(frequency, "dtstart") == null) {
                    out.add("channel: podcast:updateFrequency needs dtstart when its rrule has COUNT");
                }
            }
        }

        private void checkPodroll(Element ch) {
            List<Element> rolls = children(ch, PODCAST_NS, "podroll");
            if (rolls.size() > 1) {
                out.add("channel: podcast:podroll must appear at most once, found " + rolls.size());
            }
            for (Element roll : rolls) {
                List<Element> items = children(roll, PODCAST_NS, "remoteItem");
                if (items.isEmpty()) {
                    out.add("channel: podcast:podroll must hold at least one podcast:remoteItem");
                }
                for (int i = 0; i < items.size(); i++) {
                    String where = "channel: podcast:podroll remoteItem " + (i + 1);
                    String guid = attr(items.get(i), "feedGuid");
                    if (guid == null || !CANONICAL_UUID.matcher(guid).matches()) {
                        out.add(where + ": feedGuid must be a podcast:guid (a UUID), was " + quoted(guid));
                    }
                    optionalAbsoluteHttpUrl(attr(items.get(i), "feedUrl"), where, "feedUrl");
                }
            }
        }

        private void checkTrailers(Element ch) {
            for (Element trailer : children(ch, PODCAST_NS, "trailer")) {
                requireShortText(trailer, "channel", "podcast:trailer");
                requireAbsoluteHttpUrl(attr(trailer, "url"), "channel", "podcast:trailer url");
                String pubdate = attr(trailer, "pubdate");
                if (pubdate == null) {
                    out.add("channel: podcast:trailer pubdate is missing");
                } else {
                    parseDate(pubdate, "channel", "podcast:trailer pubdate");
                }
                String length = attr(trailer, "length");
                if (length != null) {
                    requirePositiveInteger(length, "channel", "podcast:trailer length");
                }
                String type = attr(trailer, "type");
                if (type != null && !type.matches("(audio|video)/[a-z0-9.+-]+")) {
                    out.add("channel: podcast:trailer type must be an audio or video type, was " + quoted(type));
                }
                String season = attr(trailer, "season");
                if (season != null) {
                    requirePositiveInteger(season, "channel", "podcast:trailer season");
                }
            }
        }

        /** A node value that must be there and, as the namespace asks, at most 128 characters. */
        private void requireShortText(Element e, String where, String element) {
            String value = text(e);
            if (value.isEmpty()) {
                out.add(where + ": " + element + " must have text");
            } else if (value.codePointCount(0, value.length()) > SHORT_TEXT) {
                out.add(where + ": " + element + " text must be at most " + SHORT_TEXT + " characters, was " + value.length());
            }
        }

        // ---- Podcasting 2.0 item tags: soundbite, socialInteract (license: above)

        private void checkSoundbites(Element item, String label) {
            BigDecimal audio = optionalText(item, ITUNES_NS, "duration").filter(d -> DIGITS.matcher(d).matches()).map(BigDecimal::new).orElse(null);
            for (Element bite : children(item, PODCAST_NS, "soundbite")) {
                String start = attr(bite, "startTime");
                String duration = attr(bite, "duration");
                boolean ok = true;
                if (start == null || !DECIMAL.matcher(start).matches()) {
                    out.add(label + ": podcast:soundbite startTime must be seconds (a number), was " + quoted(start));
                    ok = false;
                }
                if (duration == null || !DECIMAL.matcher(duration).matches() || new BigDecimal(duration).signum() <= 0) {
                    out.add(label + ": podcast:soundbite duration must be a positive number of seconds, was " + quoted(duration));
                    ok = false;
                }
                // itunes:duration is rounded to the second: allow that half second.
                if (ok && audio != null && new BigDecimal(start).add(new BigDecimal(duration)).compareTo(audio.add(new BigDecimal("0.5"))) > 0) {
                    out.add(label + ": podcast:soundbite from " + start + " s for " + duration + " s runs past the audio's end (" + audio + " s)");
                }
                String title = text(bite);
                if (title.codePointCount(0, title.length()) > SHORT_TEXT) {
                    out.add(label + ": podcast:soundbite title must be at most " + SHORT_TEXT + " characters, was " + title.length());
                }
            }
        }

        private void checkSocialInteracts(Element item, String label) {
            List<Element> threads = children(item, PODCAST_NS, "socialInteract");
            for (Element thread : threads) {
                String protocol = attr(thread, "protocol");
                if (protocol == null || !SOCIAL_PROTOCOLS.contains(protocol)) {
                    out.add(label + ": podcast:socialInteract protocol must be one of " + sorted(SOCIAL_PROTOCOLS) + ", was " + quoted(protocol));
                    continue;
                }
                if (protocol.equals("disabled")) {
                    if (thread.getAttributes().getLength() > 1 || !text(thread).isEmpty()) {
                        out.add(label + ": podcast:socialInteract protocol=\"disabled\" takes no other attribute or text");
                    }
                    if (threads.size() > 1) {
                        out.add(label + ": podcast:socialInteract protocol=\"disabled\" contradicts the item's other comment threads");
                    }
                    continue;
                }
                String uri = attr(thread, "uri");
                if (uri == null || uri.isBlank()) {
                    out.add(label + ": podcast:socialInteract uri is missing");
                } else {
                    try {
                        if (new URI(uri).getScheme() == null) {
                            out.add(label + ": podcast:socialInteract uri must be an absolute URI, was " + quoted(uri));
                        }
                    } catch (URISyntaxException e) {
                        out.add(label + ": podcast:socialInteract uri must be an absolute URI, was " + quoted(uri));
                    }
                }
                optionalAbsoluteHttpUrl(attr(thread, "accountUrl"), label, "podcast:socialInteract accountUrl");
                String priority = attr(thread, "priority");
                if (priority != null && !DIGITS.matcher(priority).matches()) {
                    out.add(label + ": podcast:socialInteract priority must be a whole number, was " + quoted(priority));
                }
            }
        }

        private void checkPersons(Element parent, String where) {
            for (Element person : children(parent, PODCAST_NS, "person")) {
                String name = text(person);
                if (name.isEmpty()) {
                    out.add(where + ": podcast:person must name the person in its text");
                }
                String who = name.isEmpty() ? "podcast:person" : "podcast:person " + quoted(name);
                String role = attr(person, "role");
                if (role != null && !role.equals(role.toLowerCase(Locale.ROOT))) {
                    out.add(where + ": " + who + " role must be lowercase, was " + quoted(role));
                }
                optionalAbsoluteHttpUrl(attr(person, "href"), where, who + " href");
                optionalAbsoluteHttpUrl(attr(person, "img"), where, who + " img");
            }
        }

        // ---- items: rules 3 (serial), 5-13

        private void checkItems(Element ch, boolean serial) {
            Optional<String> lastBuildDate = optionalText(ch, RSS_NS, "lastBuildDate");
            lastBuildDate.ifPresent(d -> parseDate(d, "channel", "lastBuildDate"));

            List<Element> items = children(ch, RSS_NS, "item");
            Map<String, Integer> guidOwners = new HashMap<>();
            Map<String, Integer> enclosureOwners = new HashMap<>();
            ZonedDateTime previousDate = null;
            String previousLabel = null;
            for (int i = 0; i < items.size(); i++) {
                Element item = items.get(i);
                String label = itemLabel(i + 1, item);
                requireNonEmptyText(item, RSS_NS, "title", label, "title");
                checkEnclosure(item, label, i + 1, enclosureOwners);
                checkGuid(item, label, i + 1, guidOwners);
                checkItunesItemTags(item, label, serial);
                checkPodcastItemTags(item, label);
                optionalText(item, RSS_NS, "description").ifPresent(d -> checkDescriptionSize(d, label));
                checkPscChapters(item, label);

                ZonedDateTime date = checkPubDate(item, label);
                if (date != null && previousDate != null && date.toInstant().isAfter(previousDate.toInstant())) {
                    out.add(label + ": pubDate " + format(date) + " is newer than " + previousLabel + "'s "
                            + format(previousDate) + "; items must be sorted newest first");
                }
                if (date != null) {
                    previousDate = date;
                    previousLabel = label;
                }
            }
        }

        private ZonedDateTime checkPubDate(Element item, String label) {
            Optional<String> pubDate = optionalText(item, RSS_NS, "pubDate");
            if (pubDate.isEmpty()) {
                out.add(label + ": pubDate is missing");
                return null;
            }
            return parseDate(pubDate.get(), label, "pubDate");
        }

        private void checkEnclosure(Element item, String label, int index, Map<String, Integer> owners) {
            Optional<Element> found = child(item, RSS_NS, "enclosure");
            if (found.isEmpty()) {
                out.add(label + ": enclosure is missing");
                return;
            }
            Element enclosure = found.get();
            String url = attr(enclosure, "url");
            boolean urlOk = requireAbsoluteHttpUrl(url, label, "enclosure url");

            String length = attr(enclosure, "length");
            if (length == null || !DIGITS.matcher(length).matches() || new BigInteger(length).signum() <= 0) {
                out.add(label + ": enclosure length must be a positive integer, was " + quoted(length));
            }

            String type = attr(enclosure, "type");
            if (!ENCLOSURE_TYPES.contains(type)) {
                out.add(label + ": enclosure type must be one of " + sorted(ENCLOSURE_TYPES) + ", was " + quoted(type));
            } else if (urlOk && EXTENSION_FOR_TYPE.containsKey(type)) {
                checkExtension(url, type, label);
            }

            if (url != null && !url.isEmpty()) {
                Integer earlier = owners.putIfAbsent(url, index);
                if (earlier != null) {
                    out.add(label + ": enclosure url " + quoted(url) + " is already used by item " + earlier);
                }
            }
        }

        /** The path, not the whole URL, must carry the extension: hosts append tracking query strings. */
        private void checkExtension(String url, String type, String label) {
            String extension = EXTENSION_FOR_TYPE.get(type);
            String path = URI.create(url).getPath();
            if (path == null || !path.toLowerCase(Locale.ROOT).endsWith(extension)) {
                out.add(label + ": enclosure url must end with " + extension + " for type " + type
                        + ", was " + quoted(url));
            }
        }

        private void checkGuid(Element item, String label, int index, Map<String, Integer> owners) {
            Optional<Element> found = child(item, RSS_NS, "guid");
            String guid = found.map(FeedRuleChecker::text).orElse("");
            if (guid.isEmpty()) {
                out.add(label + ": guid is missing or empty");
                return;
            }
            String permaLink = attr(found.get(), "isPermaLink");
            if (permaLink != null && !"false".equals(permaLink)) {
                out.add(label + ": guid isPermaLink must be \"false\", was " + quoted(permaLink));
            }
            // Case-sensitive on purpose: clients compare guids byte for byte.
            Integer earlier = owners.putIfAbsent(guid, index);
            if (earlier != null) {
                out.add(label + ": guid " + quoted(guid) + " is already used by item " + earlier);
            }
        }

        private void checkItunesItemTags(Element item, String label, boolean serial) {
            optionalText(item, ITUNES_NS, "duration").ifPresent(d -> {
                if (!DIGITS.matcher(d).matches()) {
                    out.add(label + ": itunes:duration must be whole seconds (digits only), was " + quoted(d));
                }
            });
            requireOneOf(item, ITUNES_NS, "episodeType", label, "itunes:episodeType", EPISODE_TYPES, false);
            optionalText(item, ITUNES_NS, "season").ifPresent(s -> requirePositiveInteger(s, label, "itunes:season"));
            Optional<String> episode = optionalText(item, ITUNES_NS, "episode");
            episode.ifPresent(e -> requirePositiveInteger(e, label, "itunes:episode"));
            if (serial && episode.isEmpty()) {
                out.add(label + ": itunes:episode is required because the channel's itunes:type is serial");
            }
            requireOneOf(item, ITUNES_NS, "explicit", label, "itunes:explicit", TRUE_FALSE, false);
        }

        private void checkPodcastItemTags(Element item, String label) {
            optionalText(item, PODCAST_NS, "season").ifPresent(s -> requirePositiveNumber(s, label, "podcast:season"));
            optionalText(item, PODCAST_NS, "episode").ifPresent(e -> requirePositiveNumber(e, label, "podcast:episode"));
            for (Element chapters : children(item, PODCAST_NS, "chapters")) {
                requireAbsoluteHttpUrl(attr(chapters, "url"), label, "podcast:chapters url");
                String type = attr(chapters, "type");
                if (!"application/json+chapters".equals(type)) {
                    out.add(label + ": podcast:chapters type must be \"application/json+chapters\", was " + quoted(type));
                }
            }
            checkPersons(item, label);
            checkSoundbites(item, label);
            checkSocialInteracts(item, label);
            checkLicenses(item, label);
        }

        // ---- rule 9: Podlove Simple Chapters

        private void checkPscChapters(Element item, String label) {
            for (Element chapters : children(item, PSC_NS, "chapters")) {
                String version = attr(chapters, "version");
                if (!"1.2".equals(version)) {
                    out.add(label + ": psc:chapters version must be \"1.2\", was " + quoted(version));
                }
                BigDecimal previousStart = null;
                String previousRaw = null;
                List<Element> list = children(chapters, PSC_NS, "chapter");
                for (int i = 0; i < list.size(); i++) {
                    Element chapter = list.get(i);
                    String where = label + ": psc:chapter " + (i + 1);
                    String title = attr(chapter, "title");
                    if (title == null || title.isBlank()) {
                        out.add(where + ": title must be non-empty");
                    }
                    optionalAbsoluteHttpUrl(attr(chapter, "href"), where, "href");
                    String start = attr(chapter, "start");
                    if (start == null || !NORMAL_PLAY_TIME.matcher(start).matches()) {
                        out.add(where + ": start must be Normal Play Time such as \"7:48\" or \"01:35:52.250\", was "
                                + quoted(start));
                        continue;
                    }
                    BigDecimal seconds = nptSeconds(start);
                    if (previousStart != null && seconds.compareTo(previousStart) <= 0) {
                        out.add(where + ": start " + quoted(start) + " must be after the previous chapter's "
                                + quoted(previousRaw));
                    }
                    previousStart = seconds;
                    previousRaw = start;
                }
            }
        }

        // ---- shared small checks

        private void checkDescriptionSize(String description, String where) {
            int bytes = description.getBytes(StandardCharsets.UTF_8).length;
            if (bytes > MAX_DESCRIPTION_BYTES) {
                out.add(where + ": description must be at most " + MAX_DESCRIPTION_BYTES
                        + " bytes of UTF-8, was " + bytes);
            }
        }

        private ZonedDateTime parseDate(String value, String where, String element) {
            try {
                return ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
            } catch (DateTimeParseException e) {
                out.add(where + ": " + element + " must be an RFC 2822 date such as "
                        + "\"Sat, 15 Jun 2019 19:00:00 GMT\", was " + quoted(value));
                return null;
            }
        }

        private void requirePositiveInteger(String value, String where, String element) {
            if (!DIGITS.matcher(value).matches() || new BigInteger(value).signum() <= 0) {
                out.add(where + ": " + element + " must be a positive integer, was " + quoted(value));
            }
        }

        private void requirePositiveNumber(String value, String where, String element) {
            if (!DECIMAL.matcher(value).matches() || new BigDecimal(value).signum() <= 0) {
                out.add(where + ": " + element + " must be a positive number, was " + quoted(value));
            }
        }

        /** Reports a missing or blank element; returns its text when present and non-blank. */
        private Optional<String> requireNonEmptyText(Element parent, String ns, String local, String where,
                                                     String element) {
            Optional<Element> found = child(parent, ns, local);
            if (found.isEmpty()) {
                out.add(where + ": " + element + " is missing");
                return Optional.empty();
            }
            String value = text(found.get());
            if (value.isEmpty()) {
                out.add(where + ": " + element + " must be non-empty");
                return Optional.empty();
            }
            return Optional.of(value);
        }

        /** Checks an element's text against a closed set of values; returns the value when it is allowed. */
        private Optional<String> requireOneOf(Element parent, String ns, String local, String where,
                                              String element, Set<String> allowed, boolean required) {
            Optional<Element> found = child(parent, ns, local);
            if (found.isEmpty()) {
                if (required) {
                    out.add(where + ": " + element + " is missing");
                }
                return Optional.empty();
            }
            String value = text(found.get());
            if (!allowed.contains(value)) {
                out.add(where + ": " + element + " must be one of " + sorted(allowed) + ", was " + quoted(value));
                return Optional.empty();
            }
            return Optional.of(value);
        }

        /** Reports a missing or non-absolute http(s) URL; returns whether it is acceptable. */
        private boolean requireAbsoluteHttpUrl(String value, String where, String what) {
            if (value == null || value.isBlank()) {
                out.add(where + ": " + what + " is missing");
                return false;
            }
            if (!isAbsoluteHttpUrl(value)) {
                out.add(where + ": " + what + " must be an absolute http(s) URL, was " + quoted(value));
                return false;
            }
            return true;
        }

        private void optionalAbsoluteHttpUrl(String value, String where, String what) {
            if (value != null && !isAbsoluteHttpUrl(value)) {
                out.add(where + ": " + what + " must be an absolute http(s) URL, was " + quoted(value));
            }
        }
    }

    // ---------------------------------------------------------------- parsing

    /**
     * A namespace-aware DOM parser that refuses DOCTYPEs outright: a feed never needs one, and
     * refusing it rules out external entities and entity-expansion bombs in one step.
     */
    private static Document parseSecurely(byte[] xml) throws SAXException, IOException {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setXIncludeAware(false);
        factory.setExpandEntityReferences(false);
        try {
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(RETHROW); // the default handler also prints "[Fatal Error]" to stderr
            return builder.parse(new ByteArrayInputStream(xml));
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK XML parser does not support secure settings", e);
        }
    }

    private static final ErrorHandler RETHROW = new ErrorHandler() {
        @Override
        public void warning(SAXParseException e) {
        }

        @Override
        public void error(SAXParseException e) throws SAXException {
            throw e;
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXException {
            throw e;
        }
    };

    private static String describe(Exception e) {
        if (e instanceof SAXParseException p) {
            return "line " + p.getLineNumber() + ", column " + p.getColumnNumber() + ": " + p.getMessage();
        }
        return String.valueOf(e.getMessage());
    }

    static Set<String> parseCategories(String text) {
        Set<String> categories = new LinkedHashSet<>();
        for (String line : text.replace("\uFEFF", "").split("\\R")) {
            String entry = line.strip();
            if (!entry.isEmpty() && !entry.startsWith("#")) {
                categories.add(entry);
            }
        }
        return Collections.unmodifiableSet(categories);
    }

    // ---------------------------------------------------------------- DOM helpers

    private static boolean is(Node node, String ns, String local) {
        return node instanceof Element e
                && Objects.equals(e.getNamespaceURI(), ns)
                && local.equals(e.getLocalName());
    }

    /** Direct children only: an item's itunes:image must not satisfy the channel's. */
    private static List<Element> children(Element parent, String ns, String local) {
        List<Element> found = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (is(n, ns, local)) {
                found.add((Element) n);
            }
        }
        return found;
    }

    private static Optional<Element> child(Element parent, String ns, String local) {
        return children(parent, ns, local).stream().findFirst();
    }

    private static Optional<String> optionalText(Element parent, String ns, String local) {
        return child(parent, ns, local).map(FeedRuleChecker::text);
    }

    private static Optional<Element> selfLink(Element channel) {
        return linkWithRel(channel, "self");
    }

    private static Optional<Element> linkWithRel(Element channel, String rel) {
        return children(channel, ATOM_NS, "link").stream()
                .filter(link -> rel.equals(attr(link, "rel")))
                .findFirst();
    }

    private static String text(Element e) {
        return e.getTextContent().strip();
    }

    /** The attribute's value, or null when it is absent (DOM would return "" for both). */
    private static String attr(Element e, String name) {
        return e.hasAttribute(name) ? e.getAttribute(name) : null;
    }

    private static void forEachElement(Element root, Consumer<Element> action) {
        action.accept(root);
        for (Node n = root.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                forEachElement(e, action);
            }
        }
    }

    private static String itemLabel(int index, Element item) {
        String title = optionalText(item, RSS_NS, "title").orElse("");
        return "item " + index + (title.isEmpty() ? " (untitled)" : " (" + quoted(title) + ")");
    }

    // ---------------------------------------------------------------- value helpers

    private static boolean isAbsoluteHttpUrl(String value) {
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme();
            return uri.isAbsolute()
                    && ("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme))
                    && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /** Normal Play Time ("37", "7:48", "01:35:52", "35:12.250") to seconds; the input is pre-validated. */
    private static BigDecimal nptSeconds(String npt) {
        BigDecimal total = BigDecimal.ZERO;
        for (String part : npt.split(":")) {
            total = total.multiply(BigDecimal.valueOf(60)).add(new BigDecimal(part));
        }
        return total;
    }

    private static String format(ZonedDateTime date) {
        return quoted(DateTimeFormatter.RFC_1123_DATE_TIME.format(date));
    }

    private static String quoted(String value) {
        return value == null ? "nothing" : "\"" + value + "\"";
    }

    private static String sorted(Set<String> values) {
        return values.stream().sorted().toList().toString();
    }

    // ---------------------------------------------------------------- UUID helpers

    private static byte[] sha1(byte[] input) {
        try {
            return MessageDigest.getInstance("SHA-1").digest(input);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK provides SHA-1", e);
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = new byte[a.length + b.length];
        System.arraycopy(a, 0, both, 0, a.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }

    private static byte[] toBytes(UUID uuid) {
        byte[] bytes = new byte[16];
        long msb = uuid.getMostSignificantBits();
        long lsb = uuid.getLeastSignificantBits();
        for (int i = 0; i < 8; i++) {
            bytes[i] = (byte) (msb >>> (56 - 8 * i));
            bytes[8 + i] = (byte) (lsb >>> (56 - 8 * i));
        }
        return bytes;
    }

    /** Reads the first 16 bytes as a UUID, big-endian, as RFC 4122 lays them out. */
    private static UUID fromBytes(byte[] bytes) {
        long msb = 0;
        long lsb = 0;
        for (int i = 0; i < 8; i++) {
            msb = (msb << 8) | (bytes[i] & 0xff);
            lsb = (lsb << 8) | (bytes[8 + i] & 0xff);
        }
        return new UUID(msb, lsb);
    }
}
