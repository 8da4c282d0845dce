package dev.castline.host;

import dev.castline.domain.Audio;
import dev.castline.domain.Episode;
import dev.castline.domain.EpisodeRules;
import dev.castline.domain.EpisodeSummary;
import dev.castline.domain.EpisodeType;
import dev.castline.domain.MediaKey;
import dev.castline.domain.NotFoundException;
import dev.castline.domain.Slugs;
import dev.castline.domain.Status;
import dev.castline.domain.ValidationException;
import dev.castline.store.ConflictException;
import dev.castline.store.EpisodeStore;
import dev.castline.store.Page;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * The host's rules for episodes, in one place for every way in (the admin API, the sample show,
 * imports): how a new episode gets its id, guid and slug; how edits, publishing, scheduling,
 * unpublishing and removal change it. Each change is conditional on the version the caller last
 * read when it names one ({@code expectedVersion}), so no edit is ever lost to another.
 *
 * <p>Errors are the domain's: {@link NotFoundException}, {@link ValidationException} naming the
 * field, {@link ConflictException} with its reason (a version that moved on, a slug in use, an
 * episode not ready to publish).
 */
public final class EpisodeService {
    static final int MAX_DERIVED_SLUG_ATTEMPTS = 20;

    private final EpisodeStore store;
    private final MediaObjects media;
    private final Clock clock;

    public EpisodeService(EpisodeStore store, MediaObjects media, Clock clock) {
        this.store = store;
        this.media = media;
        this.clock = clock;
    }

    /**
     * Creates an episode: a new id; the given guid, or a new one; the given slug, or one derived
     * from the title and made unique ({@code -2}, {@code -3}...). With a publish time and audio it
     * is released at once (published if the time has passed, scheduled otherwise).
     */
    public Episode create(NewEpisode spec) {
        Episode draft = newEpisode(spec);
        boolean slugGiven = spec.content().setsSlug();
        String derived = draft.slug();
        for (int attempt = 1; ; attempt++) {
            try {
                return store.create(draft);
            } catch (ConflictException e) {
                if (e.reason() != ConflictException.Reason.SLUG_TAKEN || slugGiven) {
                    throw e;
                }
                if (attempt >= MAX_DERIVED_SLUG_ATTEMPTS) {
                    throw noFreeSlug();
                }
                draft = draft.toBuilder().slug(numbered(derived, attempt + 1)).build();
            }
        }
    }

    /** The episode {@link #create} would store first: validated for what needs no read, its slug given or from its title. */
    private Episode newEpisode(NewEpisode spec) {
        String title = spec.content().newTitle();
        if (title == null) {
            throw new ValidationException("title", "is required");
        }
        Instant now = now();
        Status status = Status.DRAFT;
        if (spec.publishAt() != null) {
            if (spec.audio() == null) {
                throw new ValidationException("publishAt", "needs audio: an episode without audio cannot be released");
            }
            status = spec.publishAt().isAfter(now) ? Status.SCHEDULED : Status.PUBLISHED;
        }
        String id = UUID.randomUUID().toString();
        Audio audio = switch (spec.audio()) {
            case null -> null;
            case NewEpisode.KnownAudio known -> new Audio(MediaKey.newAudio(id, known.format()).value(),
                    known.format().contentType(), known.bytes(), known.durationMillis());
            case NewEpisode.ExternalAudio external -> Audio.external(external.url(), external.contentType(), external.bytes(),
                    external.durationMillis());
        };
        Episode blank = new Episode(id, "episode",
                spec.guid() != null ? spec.guid() : UUID.randomUUID().toString(), title, null, null, null,
                List.of(), List.of(), List.of(), List.of(), null, null, EpisodeType.FULL, false, audio, status,
                spec.publishAt() == null ? null : spec.publishAt().truncatedTo(ChronoUnit.SECONDS), now, now, 1, List.of(), null);
        Episode draft = spec.content().applyTo(blank.toBuilder()).build();
        return spec.content().setsSlug() ? draft : draft.toBuilder().slug(Slugs.fromTitle(draft.title())).build();
    }

    private static String numbered(String slug, int n) {
        String suffix = "-" + n;
        return slug.substring(0, Math.min(slug.length(), Slugs.MAX_LENGTH - suffix.length())) + suffix;
    }

    private static ConflictException noFreeSlug() {
        return new ConflictException(ConflictException.Reason.SLUG_TAKEN, "no free slug could be made from the title: give one");
    }

    /** An imported episode, and whether this call created it (false: an episode had its guid already, and nothing was written). */
    public record Imported(Episode episode, boolean created) {
    }

    /**
     * An episode from another host's feed, released as it was there: its guid (never regenerated:
     * apps would download the catalogue again), its publish time, its audio. Idempotent by guid:
     * when an episode has the guid already, it is returned as it is and nothing is written, so an
     * interrupted import runs again from the start safely.
     */
    public Imported importEpisode(NewEpisode spec) {
        requireImportable(spec);
        Optional<Episode> existing = store.findByGuid(spec.guid(), true);
        if (existing.isPresent()) {
            return new Imported(existing.get(), false);
        }
        try {
            return new Imported(create(spec), true);
        } catch (ConflictException e) {
            if (e.reason() != ConflictException.Reason.GUID_TAKEN) {
                throw e;
            }
            return new Imported(store.findByGuid(spec.guid(), true).orElseThrow(() -> e), false); // a concurrent import won
        }
    }

    /**
     * What {@link #importEpisode} would do now, with reads only: the episode that has the guid
     * already ({@code created} false), or the episode it would create ({@code created} true; not
     * stored, its id not kept), with the slug it would get. Refuses exactly what the import would:
     * the same {@link ValidationException}s, and a {@link ConflictException} for a slug given and
     * taken, or no free slug from the title. (Another import between this and the real one can
     * change the answer: a derived slug then gets the next free number, as always.)
     */
    public Imported planImport(NewEpisode spec) {
        requireImportable(spec);
        Optional<Episode> existing = store.findByGuid(spec.guid(), true);
        if (existing.isPresent()) {
            return new Imported(existing.get(), false);
        }
        Episode draft = newEpisode(spec);
        EpisodeRules.validate(draft);
        if (spec.content().setsSlug()) {
            if (store.isSlugTaken(draft.slug())) {
                throw new ConflictException(ConflictException.Reason.SLUG_TAKEN, "slug is already in use");
            }
            return new Imported(draft, true);
        }
        String derived = draft.slug();
        for (int attempt = 1; attempt <= MAX_DERIVED_SLUG_ATTEMPTS; attempt++) {
            String slug = attempt == 1 ? derived : numbered(derived, attempt);
            if (!store.isSlugTaken(slug)) {
                return new Imported(draft.toBuilder().slug(slug).build(), true);
            }
        }
        throw noFreeSlug();
    }

    private static void requireImportable(NewEpisode spec) {
        if (spec.guid() == null || spec.guid().isBlank()) {
            throw new ValidationException("guid", "is required: the guid the episode has in its feed");
        }
        if (spec.publishAt() == null) {
            throw new ValidationException("publishAt", "is required: when the episode was released");
        }
        if (spec.audio() == null) {
            throw new ValidationException("audio", "is required: the episode's enclosure");
        }
    }

    /** The episode with this id, read strongly consistently (the host sees its own writes at once). */
    public Episode get(String id) {
        return store.findById(id, true).orElseThrow(() -> new NotFoundException("No episode has this id."));
    }

    /** The host's listing by status, one page. */
    public Page<EpisodeSummary> list(Status status, int limit, Optional<String> resumeAfter) {
        return store.listByStatus(status, limit, resumeAfter, clock.instant());
    }

    /** Changes content. A new slug keeps the old one reserved for this episode, so old links redirect. */
    public Episode edit(String id, OptionalLong expectedVersion, EpisodeEdit edit) {
        Episode current = current(id, expectedVersion);
        Episode.Builder next = edit.applyTo(current.toBuilder());
        Episode candidate = next.build();
        if (!candidate.slug().equals(current.slug())) {
            List<String> former = new ArrayList<>(current.formerSlugs());
            former.remove(candidate.slug());
            former.add(current.slug());
            next.formerSlugs(former);
        }
        return store.update(current, next);
    }

    /**
     * Releases the episode at {@code at} (now when empty): published if that time has passed,
     * scheduled otherwise. Only an episode with processed audio can be released.
     */
    public Episode publish(String id, OptionalLong expectedVersion, Optional<Instant> at) {
        Episode current = current(id, expectedVersion);
        if (current.audio() == null) {
            throw new ConflictException(ConflictException.Reason.NOT_READY,
                    "The episode has no processed audio yet: upload it and wait for processing.");
        }
        Instant now = now();
        Instant when = at.map(t -> t.truncatedTo(ChronoUnit.SECONDS)).orElse(now);
        Status status = when.isAfter(now) ? Status.SCHEDULED : Status.PUBLISHED;
        Episode.Builder next = current.toBuilder().status(status).publishAt(when);
        if (current.status() != Status.DRAFT || current.audio().isExternal()) {
            return store.update(current, next); // nothing withheld: released audio, or another host's
        }
        // A draft's audio may be withheld: back at its URL before anything public links to it.
        media.restore(current.audio().key());
        try {
            return store.update(current, next);
        } catch (RuntimeException e) {
            media.withhold(current.audio().key());
            throw e;
        }
    }

    /**
     * Back to a draft: out of every public listing and the feed, then its audio out of the media
     * URL's reach (withheld, and forgotten by the CDN), so a link someone kept stops playing.
     * Publishing again brings the audio back at the same URL.
     */
    public Episode unpublish(String id, OptionalLong expectedVersion) {
        Episode current = current(id, expectedVersion);
        Episode saved = store.update(current, current.toBuilder().status(Status.DRAFT).publishAt(null));
        if (current.audio() != null && !current.audio().isExternal()) {
            media.withhold(current.audio().key());
        }
        return saved;
    }

    /**
     * Removes the episode from every listing and the feed first, then its audio objects (the
     * processed audio and any pending upload): nothing public ever points at a deleted object.
     */
    public Episode remove(String id, OptionalLong expectedVersion) {
        Episode current = current(id, expectedVersion);
        store.delete(current);
        if (current.audio() != null && !current.audio().isExternal()) {
            media.delete(current.audio().key());
        }
        if (current.upload() != null) {
            media.delete(current.upload().key());
        }
        return current;
    }

    private Episode current(String id, OptionalLong expectedVersion) {
        Episode current = get(id);
        if (expectedVersion.isPresent() && expectedVersion.getAsLong() != current.version()) {
            throw versionMoved();
        }
        return current;
    }

    static ConflictException versionMoved() {
        return new ConflictException(ConflictException.Reason.VERSION_MISMATCH,
                "The episode was changed since you read it: read it again, then retry.");
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }
}
