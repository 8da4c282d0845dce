package dev.castline.functions.downloads;

import dev.castline.domain.MediaKey;
import java.util.Optional;

/**
 * Which requests of a CDN log can make a download, and how much of a file makes one: the IAB
 * Podcast Measurement Technical Guidelines (v2.1) as Castline applies them. Plain code, no AWS:
 *
 * <ul>
 *   <li>only {@code GET}, status 200 or 206, of an audio key ({@link MediaKey}); {@code HEAD},
 *       errors, artwork and anything else never count;</li>
 *   <li>{@code bytes=0-1} and {@code bytes=0-0} probes never count (nor place a listener's first request);</li>
 *   <li>bots and other non-listening clients ({@link UserAgents}) never count; unknown agents do;</li>
 *   <li>the bytes a request delivered: the range CloudFront served ({@code sc-range-start..end}),
 *       cut to {@code sc-bytes} when the client went away early; a 200 delivered
 *       {@code [0, sc-bytes)}. ({@code sc-bytes} includes the response headers, a few hundred
 *       bytes.) A 206 whose range the log does not carry is left out;</li>
 *   <li>a download is {@link #minuteBytes} of distinct bytes of one file received by one listener
 *       within one UTC day ({@link ListenerTally}).</li>
 * </ul>
 */
public final class DownloadRules {
    /** Why a line is not a listener's request. */
    public enum Skip { NOT_GET, STATUS, NOT_AUDIO, PROBE, BOT, NO_RANGE }

    /** A request that may count: a listener (address and agent, never stored) received {@code [start, end]} of an episode's file. */
    public record Request(String day, long epochSecond, String episodeId, String key, String clientIp, String userAgent, String app,
                          String country, long start, long end) {
    }

    /** Either a request or why the line is skipped. */
    public record Decision(Request request, Skip skip) {
    }

    private final UserAgents agents;

    public DownloadRules(UserAgents agents) {
        this.agents = agents;
    }

    public Decision decide(CloudFrontLog.Line line) {
        if (!"GET".equals(line.method())) {
            return skip(Skip.NOT_GET);
        }
        if (line.status() != 200 && line.status() != 206) {
            return skip(Skip.STATUS);
        }
        String key = line.uriStem().startsWith("/") ? line.uriStem().substring(1) : line.uriStem();
        Optional<MediaKey> media = MediaKey.parse(key).filter(k -> k.kind() == MediaKey.Kind.AUDIO);
        if (media.isEmpty()) {
            return skip(Skip.NOT_AUDIO);
        }
        long start;
        long end;
        if (line.rangeStart() >= 0 && line.rangeEnd() >= line.rangeStart()) {
            if (line.rangeStart() == 0 && line.rangeEnd() <= 1) {
                return skip(Skip.PROBE);
            }
            start = line.rangeStart();
            end = line.bytes() > 0 ? Math.min(line.rangeEnd(), start + line.bytes() - 1) : line.rangeEnd();
        } else if (line.status() == 200 && line.bytes() > 0) {
            start = 0;
            end = line.bytes() - 1;
        } else {
            return skip(Skip.NO_RANGE);
        }
        UserAgents.Agent agent = agents.classify(line.userAgent());
        if (agent.bot()) {
            return skip(Skip.BOT);
        }
        return new Decision(new Request(line.day(), line.epochSecond(), media.get().owner(), media.get().value(), line.clientIp(),
                line.userAgent(), agent.app(), line.country(), start, end), null);
    }

    private static Decision skip(Skip why) {
        return new Decision(null, why);
    }

    /**
     * The bytes of a file that hold its first minute: its ID3 tag, then 60 s at the file's average
     * bitrate (the audio bytes over the duration); the whole file when that is more.
     *
     * @param fileBytes      the file's size
     * @param durationMillis the audio's duration; 0 when unknown, which asks for the whole file
     * @param tagBytes       the ID3v2 tag(s) at the front of the file, 0 if none
     */
    public static long minuteBytes(long fileBytes, long durationMillis, long tagBytes) {
        if (durationMillis <= 60_000 || fileBytes <= 0) {
            return Math.max(fileBytes, 1);
        }
        long tag = Math.max(0, Math.min(tagBytes, fileBytes));
        long audio = fileBytes - tag;
        long minute = (long) Math.ceil(audio * 60_000.0 / durationMillis);
        return Math.min(fileBytes, tag + minute);
    }
}
