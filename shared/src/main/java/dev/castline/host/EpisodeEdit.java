package dev.castline.host;

import dev.castline.domain.Chapter;
import dev.castline.domain.Episode;
import dev.castline.domain.EpisodeType;
import dev.castline.domain.Guest;
import dev.castline.domain.License;
import dev.castline.domain.Link;
import dev.castline.domain.SocialInteract;
import dev.castline.domain.Soundbite;
import java.util.List;

/**
 * What a host may change in an episode's content, field by field: a field that is not set keeps
 * its value, one set to null is cleared. Publication (status, time), audio, id, guid and version
 * are not content: the service changes them through their own operations, never through an edit.
 */
public final class EpisodeEdit {
    /** A value to set; {@code value} may be null, which clears the field. */
    record Change<T>(T value) {
    }

    private Change<String> slug;
    private Change<String> title;
    private Change<String> summary;
    private Change<String> showNotesMarkdown;
    private Change<List<Chapter>> chapters;
    private Change<List<Guest>> guests;
    private Change<List<String>> tags;
    private Change<List<Link>> links;
    private Change<Integer> season;
    private Change<Integer> episodeNumber;
    private Change<EpisodeType> episodeType;
    private Change<Boolean> explicit;
    private Change<List<Soundbite>> soundbites;
    private Change<List<SocialInteract>> socialInteracts;
    private Change<License> license;

    public EpisodeEdit slug(String v) { slug = new Change<>(v); return this; }
    public EpisodeEdit title(String v) { title = new Change<>(v); return this; }
    public EpisodeEdit summary(String v) { summary = new Change<>(v); return this; }
    /** The show notes as Markdown; the service renders their HTML. */
    public EpisodeEdit showNotes(String markdown) { showNotesMarkdown = new Change<>(markdown); return this; }
    public EpisodeEdit chapters(List<Chapter> v) { chapters = new Change<>(v); return this; }
    public EpisodeEdit guests(List<Guest> v) { guests = new Change<>(v); return this; }
    public EpisodeEdit tags(List<String> v) { tags = new Change<>(v); return this; }
    public EpisodeEdit links(List<Link> v) { links = new Change<>(v); return this; }
    public EpisodeEdit season(Integer v) { season = new Change<>(v); return this; }
    public EpisodeEdit episodeNumber(Integer v) { episodeNumber = new Change<>(v); return this; }
    public EpisodeEdit episodeType(EpisodeType v) { episodeType = new Change<>(v); return this; }
    public EpisodeEdit explicit(boolean v) { explicit = new Change<>(v); return this; }
    public EpisodeEdit soundbites(List<Soundbite> v) { soundbites = new Change<>(v); return this; }
    public EpisodeEdit socialInteracts(List<SocialInteract> v) { socialInteracts = new Change<>(v); return this; }
    public EpisodeEdit license(License v) { license = new Change<>(v); return this; }

    /** Whether the edit sets a slug (otherwise a new episode's slug is derived from its title). */
    public boolean setsSlug() {
        return slug != null;
    }

    /** The title the edit sets, or null. */
    String newTitle() {
        return title == null ? null : title.value();
    }

    /**
     * Applies the changes onto {@code episode}. Lists left null by the caller mean "none";
     * Markdown is rendered to the HTML apps read, once, here.
     */
    Episode.Builder applyTo(Episode.Builder episode) {
        if (slug != null) {
            episode.slug(slug.value());
        }
        if (title != null) {
            episode.title(title.value());
        }
        if (summary != null) {
            episode.summary(summary.value());
        }
        if (showNotesMarkdown != null) {
            String markdown = showNotesMarkdown.value();
            episode.showNotes(markdown, markdown == null ? null : ShowNotes.toHtml(markdown));
        }
        if (chapters != null) {
            episode.chapters(orEmpty(chapters.value()));
        }
        if (guests != null) {
            episode.guests(orEmpty(guests.value()));
        }
        if (tags != null) {
            episode.tags(orEmpty(tags.value()));
        }
        if (links != null) {
            episode.links(orEmpty(links.value()));
        }
        if (season != null) {
            episode.season(season.value());
        }
        if (episodeNumber != null) {
            episode.episodeNumber(episodeNumber.value());
        }
        if (episodeType != null) {
            episode.episodeType(episodeType.value());
        }
        if (explicit != null) {
            episode.explicit(Boolean.TRUE.equals(explicit.value()));
        }
        if (soundbites != null) {
            episode.soundbites(orEmpty(soundbites.value()));
        }
        if (socialInteracts != null) {
            episode.socialInteracts(orEmpty(socialInteracts.value()));
        }
        if (license != null) {
            episode.license(license.value());
        }
        return episode;
    }

    private static <T> List<T> orEmpty(List<T> values) {
        return values == null ? List.of() : values;
    }
}
