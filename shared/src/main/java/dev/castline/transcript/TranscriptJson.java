package dev.castline.transcript;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamReadException;
import dev.castline.feed.ChaptersJson;
import dev.castline.http.Json;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * The Podcasting 2.0 JSON transcript format (podcast namespace, transcripts guide):
 * {@code {"version":"1.0.0","segments":[{"speaker":"…","startTime":0.5,"endTime":0.75,"body":"…"}]}},
 * times in seconds. {@code speaker} is left out when a cue names no one.
 *
 * <p>Reading exists so that the format can be checked against the others; it takes what the
 * guide allows: {@code speaker} and {@code endTime} optional (a segment without an end ends
 * where the next one starts, the last one where it starts), other fields ignored, times
 * rounded to the millisecond.
 */
public final class TranscriptJson {
    public static final String VERSION = "1.0.0";

    private TranscriptJson() {
    }

    public static String write(Transcript transcript) {
        return Json.write(json -> {
            json.writeStartObject();
            json.writeStringField("version", VERSION);
            json.writeArrayFieldStart("segments");
            for (Cue cue : transcript.cues()) {
                json.writeStartObject();
                Json.optionalString(json, "speaker", cue.speaker());
                json.writeFieldName("startTime");
                json.writeNumber(ChaptersJson.seconds(cue.startMillis()));
                json.writeFieldName("endTime");
                json.writeNumber(ChaptersJson.seconds(cue.endMillis()));
                json.writeStringField("body", cue.text());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        });
    }

    public static Transcript parse(byte[] file) throws TranscriptException {
        if (file.length > Transcript.MAX_BYTES) {
            throw Source.tooLarge();
        }
        try (JsonParser json = Json.FACTORY.createParser(file)) {
            if (json.nextToken() != JsonToken.START_OBJECT) {
                throw at(json, "expected a JSON object with \"version\" and \"segments\"");
            }
            List<Segment> segments = null;
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                String field = json.currentName();
                JsonToken value = json.nextToken();
                if (field.equals("segments")) {
                    if (value != JsonToken.START_ARRAY) {
                        throw at(json, "\"segments\" must be an array");
                    }
                    segments = segments(json);
                } else if (field.equals("version")) {
                    if (value != JsonToken.VALUE_STRING || !json.getText().startsWith("1.")) {
                        throw at(json, "\"version\" must be a 1.x version string like \"" + VERSION + "\"");
                    }
                } else {
                    json.skipChildren();
                }
            }
            if (segments == null) {
                throw new TranscriptException(0, "expected a \"segments\" array");
            }
            CueList cues = new CueList();
            for (int i = 0; i < segments.size(); i++) {
                Segment s = segments.get(i);
                long end = s.end >= 0 ? s.end : i + 1 < segments.size() ? Math.max(s.start, segments.get(i + 1).start) : s.start;
                if (end < s.start) {
                    throw new TranscriptException(s.line, "the segment ends (" + Timing.format(end, '.') + ") before it starts ("
                        + Timing.format(s.start, '.') + ")");
                }
                cues.add(s.line, s.start, end, s.speaker, s.body);
            }
            return cues.transcript();
        } catch (StreamReadException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new TranscriptException(Math.max(line, 0), "the file is not valid JSON");
        } catch (IOException e) {
            throw new TranscriptException(0, "the file is not valid JSON");
        }
    }

    private record Segment(int line, String speaker, long start, long end, String body) {
    }

    private static List<Segment> segments(JsonParser json) throws IOException, TranscriptException {
        List<Segment> segments = new ArrayList<>();
        while (json.nextToken() == JsonToken.START_OBJECT) {
            if (segments.size() == Transcript.MAX_CUES) {
                throw at(json, "a transcript may have at most " + Transcript.MAX_CUES + " cues");
            }
            int line = json.currentTokenLocation().getLineNr();
            String speaker = null;
            String body = null;
            long start = -1;
            long end = -1;
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                String field = json.currentName();
                JsonToken value = json.nextToken();
                switch (field) {
                    case "speaker" -> {
                        if (value != JsonToken.VALUE_NULL) {
                            speaker = string(json, value, "\"speaker\" must be a string");
                        }
                    }
                    case "body" -> body = string(json, value, "\"body\" must be a string");
                    case "startTime" -> start = millis(json, value, "\"startTime\"");
                    case "endTime" -> {
                        if (value != JsonToken.VALUE_NULL) {
                            end = millis(json, value, "\"endTime\"");
                        }
                    }
                    default -> json.skipChildren();
                }
            }
            if (start < 0) {
                throw new TranscriptException(line, "each segment needs a \"startTime\" in seconds");
            }
            if (body == null) {
                throw new TranscriptException(line, "each segment needs a \"body\"");
            }
            segments.add(new Segment(line, speaker, start, end, body));
        }
        if (json.currentToken() != JsonToken.END_ARRAY) {
            throw at(json, "each segment must be an object");
        }
        return segments;
    }

    private static String string(JsonParser json, JsonToken value, String reason) throws IOException, TranscriptException {
        if (value != JsonToken.VALUE_STRING) {
            throw at(json, reason);
        }
        return json.getText();
    }

    private static long millis(JsonParser json, JsonToken value, String field) throws IOException, TranscriptException {
        if (value != JsonToken.VALUE_NUMBER_INT && value != JsonToken.VALUE_NUMBER_FLOAT) {
            throw at(json, field + " must be a number of seconds");
        }
        BigDecimal seconds = json.getDecimalValue();
        if (seconds.signum() < 0 || seconds.compareTo(BigDecimal.valueOf(Transcript.MAX_MILLIS, 3)) > 0) {
            throw at(json, field + " must be between 0 and 359999.999 seconds (99:59:59.999)");
        }
        return seconds.movePointRight(3).setScale(0, RoundingMode.HALF_UP).longValueExact();
    }

    private static TranscriptException at(JsonParser json, String reason) {
        return new TranscriptException(Math.max(json.currentTokenLocation().getLineNr(), 0), reason);
    }
}
