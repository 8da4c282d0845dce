package dev.castline.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.castline.api.Paths;
import dev.castline.domain.AudioFormat;
import dev.castline.domain.Chapter;
import dev.castline.domain.Episode;
import dev.castline.domain.EpisodeType;
import dev.castline.domain.Guest;
import dev.castline.domain.Link;
import dev.castline.domain.LinkKind;
import dev.castline.domain.ImageFormat;
import dev.castline.domain.MediaKey;
import dev.castline.domain.ShowField;
import dev.castline.host.EpisodeEdit;
import dev.castline.host.EpisodeService;
import dev.castline.host.NewEpisode;
import dev.castline.host.ShowSettings;
import dev.castline.media.AudioInfo;
import dev.castline.media.AudioProbe;
import dev.castline.media.RangeSource;
import dev.castline.media.UnsupportedAudioException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Loads the sample show (local/src/main/resources/sample-data.json, made from the real show notes
 * in the seeds) through the host's services, exactly as the admin API or an import would write
 * it, so a newcomer's first request returns real episodes. The file uses the API's field names.
 *
 * <p>Each sample episode gets real audio: a silent MP3 as long as the file's
 * {@code durationSeconds} ({@link SampleAudio}), made in memory, measured by the same
 * {@link AudioProbe} the upload processor runs, and put in the bucket at the episode's media key.
 * Its size and duration are the probe's, so the API, the feed and the {@code /media} URL agree
 * byte for byte, and a player can seek to any chapter.
 */
final class SampleData {
    static final String RESOURCE = "/sample-data.json";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private SampleData() {
    }

    /**
     * @param bucket  where each episode's audio is put, at the media key the episode was given
     * @param baseUrl the stack's address: the sample show's site and feed are served there (its
     *                podcast:guid derives from the feed URL)
     * @param mediaBaseUrl where the stack serves media keys: the show's artwork is {@link SampleArtwork}, served there
     * @return the slugs of the episodes stored, in the file's order (newest first)
     */
    static List<String> load(EpisodeService episodes, ShowSettings settings, AudioBucket bucket, String baseUrl, String mediaBaseUrl) {
        JsonNode root;
        try (InputStream in = SampleData.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            root = MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<ShowField, Object> show = show(root.path("show"), baseUrl);
        show.put(ShowField.ARTWORK_URL, MediaKey.url(mediaBaseUrl, SampleArtwork.KEY.value()));
        byte[] artwork = SampleArtwork.png();
        // Its renditions before the settings name it, as the upload processor writes them.
        SampleArtwork.putRenditions(artwork, bucket::put);
        settings.save(show, OptionalLong.of(0));
        // The artwork after the settings: the upload processor, told of every object under
        // artwork/, keeps the show's artwork (and renditions) and deletes any other image.
        bucket.put(SampleArtwork.KEY.value(), ImageFormat.PNG.contentType(), artwork);
        List<String> slugs = new ArrayList<>();
        for (JsonNode e : root.path("episodes")) {
            byte[] mp3 = SampleAudio.silence(e.path("durationSeconds").asLong() * 1000);
            AudioInfo info = measure(mp3);
            // The episode first: the upload processor, told of every object under audio/, keeps an
            // object that is an episode's audio and deletes any other.
            Episode created = episodes.create(episode(e, new NewEpisode.KnownAudio(AudioFormat.MP3, info.bytes(), info.durationMillis())));
            bucket.put(created.audio().key(), info.contentType(), mp3);
            slugs.add(created.slug());
        }
        return slugs;
    }

    /** Puts an object in the media bucket. */
    @FunctionalInterface
    interface AudioBucket {
        void put(String key, String contentType, byte[] content);
    }

    /** What the upload processor would record for this file: its size, and its duration as the probe reads it. */
    static AudioInfo measure(byte[] file) {
        AudioInfo info;
        try {
            info = AudioProbe.probe(RangeSource.of(file));
        } catch (UnsupportedAudioException e) {
            throw new IllegalStateException("the generated sample audio does not probe: " + e.reason(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!info.contentType().equals(AudioFormat.MP3.contentType()) || info.bytes() != file.length) {
            throw new IllegalStateException("the generated sample audio probes as " + info);
        }
        return info;
    }

    private static Map<ShowField, Object> show(JsonNode s, String baseUrl) {
        Map<ShowField, Object> values = new EnumMap<>(ShowField.class);
        for (ShowField field : ShowField.values()) {
            JsonNode v = s.get(field.wireName());
            if (v != null && !v.isNull()) {
                values.put(field, switch (field.kind()) {
                    case TEXT -> v.asText();
                    case BOOLEAN -> v.asBoolean();
                    case INTEGER -> v.asInt();
                    case LINKS -> {
                        Map<String, String> links = new java.util.LinkedHashMap<>();
                        v.properties().forEach(link -> links.put(link.getKey(), link.getValue().asText()));
                        yield links;
                    }
                    case OBJECT -> shaped(field.shape(), v);
                    case OBJECTS -> {
                        List<Object> items = new ArrayList<>();
                        v.forEach(item -> items.add(shaped(field.shape(), item)));
                        yield items;
                    }
                });
            }
        }
        values.put(ShowField.SITE_BASE_URL, baseUrl);
        values.put(ShowField.FEED_URL, baseUrl + Paths.FEED);
        return values;
    }

    private static Object shaped(dev.castline.domain.Shape<?> shape, JsonNode object) {
        Map<String, Object> members = new java.util.LinkedHashMap<>();
        shape.members().forEach((name, kind) -> {
            JsonNode member = object.get(name);
            if (member != null && !member.isNull()) {
                members.put(name, switch (kind) {
                    case BOOLEAN -> member.asBoolean();
                    case INTEGER -> member.asInt();
                    default -> member.asText();
                });
            }
        });
        return shape.of(members);
    }

    private static NewEpisode episode(JsonNode e, NewEpisode.KnownAudio audio) {
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
        EpisodeEdit content = new EpisodeEdit()
                .title(e.path("title").asText())
                .summary(text(e, "summary"))
                .showNotes(text(e, "showNotes"))
                .chapters(chapters).guests(guests).tags(tags).links(links)
                .episodeType(EpisodeType.fromWire(e.path("episodeType").asText("full"), "episodeType"))
                .explicit(e.path("explicit").asBoolean(false));
        return new NewEpisode(content, null, Instant.parse(e.path("publishedAt").asText()), audio);
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
