package dev.castline.feedimport;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Reads a Podcasting 2.0 chapters file ({@code podcast:chapters type="application/json+chapters"}):
 * {@code {"version":"1.2.0","chapters":[{"startTime":159,"title":"…","url":"…","img":"…","toc":false}]}}.
 * Fetching it is the caller's job; this reads its bytes with Jackson's streaming parser, under a
 * size limit. Unknown fields are ignored; a chapter without a readable {@code startTime} is left
 * out and reported; chapters come back ordered by start.
 */
public final class ChaptersJson {
    /** The largest chapters file read, in bytes. */
    public static final int MAX_BYTES = 2 * 1024 * 1024;
    /** The most chapters read from one file. */
    public static final int MAX_CHAPTERS = 5_000;

    private static final JsonFactory JSON = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(32).maxStringLength(64 * 1024).build())
            .build();

    /** The chapters read, and what was left out. */
    public record Result(String version, List<ImportedChapter> chapters, List<String> problems) {
        public Result {
            chapters = List.copyOf(chapters);
            problems = List.copyOf(problems);
        }
    }

    private ChaptersJson() {
    }

    /**
     * @param json the file's bytes
     * @param base the file's URL, to resolve relative {@code url} and {@code img} against; may be null
     * @throws FeedImportException when the bytes are not a chapters file at all
     */
    public static Result read(byte[] json, URI base) {
        if (json.length > MAX_BYTES) {
            throw new FeedImportException("The chapters file is larger than " + MAX_BYTES + " bytes");
        }
        List<ImportedChapter> chapters = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        String version = null;
        boolean sawChapters = false;
        try (JsonParser p = JSON.createParser(json)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new FeedImportException("The chapters file is not a JSON object");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                if (field.equals("version") && value.isScalarValue()) {
                    version = p.getValueAsString();
                } else if (field.equals("chapters") && value == JsonToken.START_ARRAY) {
                    sawChapters = true;
                    int i = 0;
                    while (p.nextToken() != JsonToken.END_ARRAY) {
                        if (chapters.size() >= MAX_CHAPTERS) {
                            throw new FeedImportException("The chapters file has more than " + MAX_CHAPTERS + " chapters");
                        }
                        chapter(p, i++, base, chapters, problems);
                    }
                } else {
                    p.skipChildren();
                }
            }
        } catch (IOException e) {
            String reason = e instanceof com.fasterxml.jackson.core.JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
            throw new FeedImportException("The chapters file is not valid JSON: " + reason, e);
        }
        if (!sawChapters) {
            throw new FeedImportException("The chapters file has no \"chapters\" list");
        }
        chapters.sort(Comparator.comparingLong(ImportedChapter::startMillis));
        return new Result(version, chapters, problems);
    }

    private static void chapter(JsonParser p, int index, URI base, List<ImportedChapter> out, List<String> problems) throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            p.skipChildren();
            problems.add("chapter " + index + " is not an object: left out");
            return;
        }
        Double start = null;
        String title = null;
        String url = null;
        String img = null;
        boolean toc = true;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken value = p.nextToken();
            switch (field) {
                case "startTime" -> {
                    if (value.isNumeric()) {
                        start = p.getDoubleValue();
                    } else if (value == JsonToken.VALUE_STRING) {
                        start = Durations.parseMillis(p.getText()).stream().mapToDouble(ms -> ms / 1000.0).boxed().findFirst().orElse(null);
                    }
                }
                case "title" -> title = value == JsonToken.VALUE_STRING ? HtmlToMarkdown.line(p.getText()) : null;
                case "url" -> url = value == JsonToken.VALUE_STRING ? Urls.resolve(p.getText(), base) : null;
                case "img" -> img = value == JsonToken.VALUE_STRING ? Urls.resolve(p.getText(), base) : null;
                case "toc" -> toc = value != JsonToken.VALUE_FALSE;
                default -> p.skipChildren();
            }
        }
        if (start == null || start.isNaN() || start < 0 || start > 31L * 24 * 3600) {
            problems.add("chapter " + index + (title == null ? "" : " (\"" + title + "\")") + " has no readable startTime: left out");
            return;
        }
        out.add(new ImportedChapter(Math.round(start * 1000), title, url, img, toc));
    }
}
