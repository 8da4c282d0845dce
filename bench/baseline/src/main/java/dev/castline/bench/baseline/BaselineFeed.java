package dev.castline.bench.baseline;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringWriter;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.model.BatchGetResultPage;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.ReadBatch;

/**
 * GET /feed.xml with SDK defaults: the show item, every released episode from the listing index,
 * the episodes in full by batch read, and RSS written with the JDK's own StAX writer.
 */
public class BaselineFeed implements RequestStreamHandler {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String ITUNES = "http://www.itunes.com/dtds/podcast-1.0.dtd";
    private static final String CONTENT = "http://purl.org/rss/1.0/modules/content/";
    private final DynamoDbEnhancedClient enhanced = DynamoDbEnhancedClient.create();
    private final DynamoDbTable<EpisodeItem> episodes = enhanced.table(System.getenv("TABLE_NAME"), TableSchema.fromBean(EpisodeItem.class));
    private final DynamoDbTable<ShowItem> shows = enhanced.table(System.getenv("TABLE_NAME"), TableSchema.fromBean(ShowItem.class));

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        MAPPER.readValue(input, Map.class);
        ShowItem show = shows.getItem(Key.builder().partitionValue("SHOW#default").sortValue("SHOW").build());
        String upper = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString() + "$";
        List<EpisodeItem> listed = new ArrayList<>();
        episodes.index("ByPublishDate").query(r -> r
                .queryConditional(QueryConditional.sortLessThan(Key.builder().partitionValue("SHOW#default#RELEASED").sortValue(upper).build()))
                .scanIndexForward(false)).forEach(page -> listed.addAll(page.items()));
        List<EpisodeItem> full = new ArrayList<>();
        for (int from = 0; from < listed.size(); from += 100) {
            ReadBatch.Builder<EpisodeItem> batch = ReadBatch.builder(EpisodeItem.class).mappedTableResource(episodes);
            for (EpisodeItem e : listed.subList(from, Math.min(listed.size(), from + 100))) {
                batch.addGetItem(Key.builder().partitionValue(e.getPk()).sortValue(e.getSk()).build());
            }
            for (BatchGetResultPage page : enhanced.batchGetItem(r -> r.addReadBatch(batch.build()))) {
                full.addAll(page.resultsForTable(episodes));
            }
        }
        String xml;
        try {
            xml = rss(show, full);
        } catch (XMLStreamException e) {
            throw new IOException(e);
        }
        MAPPER.writeValue(output, Map.of("statusCode", 200,
                "headers", Map.of("content-type", "application/rss+xml; charset=utf-8"), "body", xml));
    }

    private static String rss(ShowItem show, List<EpisodeItem> items) throws XMLStreamException {
        StringWriter out = new StringWriter();
        XMLStreamWriter xml = XMLOutputFactory.newInstance().createXMLStreamWriter(out);
        xml.writeStartDocument("UTF-8", "1.0");
        xml.writeStartElement("rss");
        xml.writeAttribute("version", "2.0");
        xml.writeNamespace("itunes", ITUNES);
        xml.writeNamespace("content", CONTENT);
        xml.writeStartElement("channel");
        element(xml, "title", show.getTitle());
        element(xml, "link", show.getSiteBaseUrl());
        element(xml, "description", show.getDescription());
        element(xml, "language", show.getLanguage());
        xml.writeEmptyElement(ITUNES, "image");
        xml.writeAttribute("href", show.getArtworkUrl());
        xml.writeEmptyElement(ITUNES, "category");
        xml.writeAttribute("text", show.getAppleCategory());
        xml.writeStartElement(ITUNES, "explicit");
        xml.writeCharacters(String.valueOf(Boolean.TRUE.equals(show.getExplicit())));
        xml.writeEndElement();
        for (EpisodeItem e : items) {
            if (e.getAudio() == null) {
                continue;
            }
            xml.writeStartElement("item");
            element(xml, "title", e.getTitle());
            xml.writeStartElement("guid");
            xml.writeAttribute("isPermaLink", "false");
            xml.writeCharacters(e.getGuid() != null ? e.getGuid() : e.getId());
            xml.writeEndElement();
            element(xml, "pubDate", DateTimeFormatter.RFC_1123_DATE_TIME.format(Instant.parse(e.getPublishAt()).atOffset(ZoneOffset.UTC)));
            xml.writeEmptyElement("enclosure");
            xml.writeAttribute("url", "https://media.example.com/" + e.getAudio().getKey());
            xml.writeAttribute("length", String.valueOf(e.getAudio().getBytes()));
            xml.writeAttribute("type", e.getAudio().getContentType());
            xml.writeStartElement(ITUNES, "duration");
            xml.writeCharacters(String.valueOf(e.getAudio().getDurationMillis() / 1000));
            xml.writeEndElement();
            element(xml, "description", e.getSummary());
            if (e.getNotesHtml() != null) {
                xml.writeStartElement(CONTENT, "encoded");
                xml.writeCData(e.getNotesHtml());
                xml.writeEndElement();
            }
            xml.writeEndElement();
        }
        xml.writeEndElement();
        xml.writeEndElement();
        xml.writeEndDocument();
        xml.close();
        return out.toString();
    }

    private static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
        if (text != null) {
            xml.writeStartElement(name);
            xml.writeCharacters(text);
            xml.writeEndElement();
        }
    }
}
