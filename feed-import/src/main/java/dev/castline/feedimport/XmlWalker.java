package dev.castline.feedimport;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import javax.xml.XMLConstants;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Walks an XML document element by element over the JDK's StAX parser, never building a tree.
 *
 * <p>The parser is the JDK's own ({@link XMLInputFactory#newDefaultFactory()}, whatever else is on
 * the class path), with DTDs and external entities off, external access forbidden and a resolver
 * that refuses everything; the {@link GuardReader} in front of it has already refused any DOCTYPE.
 *
 * <p>Namespaces are resolved here rather than by the parser, so that a feed using a prefix it
 * forgot to declare ({@code itunes:}, {@code podcast:}: it happens) is read with the conventional
 * namespace and a reported problem instead of failing as not namespace-well-formed.
 *
 * <p>Protocol: {@link #nextChild()} returns the next child element of the current one, or null
 * after consuming the current element's end tag. A caller given a child consumes it entirely with
 * {@link #text}, {@link #skip} or its own {@code nextChild()} loop.
 */
final class XmlWalker implements AutoCloseable {
    /** A start tag: its namespace, local name and attributes (names lower-cased). */
    record El(Ns ns, String name, Map<String, String> attrs) {
        String attr(String key) {
            String v = attrs.get(key.toLowerCase(Locale.ROOT));
            return v == null || v.isBlank() ? null : v.strip();
        }

        boolean is(Ns n, String local) {
            return ns == n && name.equals(local);
        }
    }

    private static final XMLInputFactory FACTORY = factory();

    private final XMLStreamReader xml;
    private final Reader source;
    private final FeedLimits limits;
    private final Consumer<String> problems;
    private final Deque<Map<String, String>> scopes = new ArrayDeque<>();
    private final Set<String> reportedPrefixes = new HashSet<>();
    private long elements;

    XmlWalker(Reader source, FeedLimits limits, Consumer<String> problems) {
        this.source = source;
        this.limits = limits;
        this.problems = problems;
        try {
            this.xml = FACTORY.createXMLStreamReader(source);
        } catch (XMLStreamException e) {
            throw translate(e);
        }
    }

    private static XMLInputFactory factory() {
        XMLInputFactory f = XMLInputFactory.newDefaultFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, false);
        f.setProperty(XMLInputFactory.IS_COALESCING, false);
        f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        f.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        f.setXMLResolver((publicId, systemId, baseUri, ns) -> {
            throw new XMLStreamException("external entity refused: " + systemId);
        });
        return f;
    }

    /** The root element: the first start tag. */
    El root() {
        try {
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.DTD) {
                    throw error("The feed has a DOCTYPE, which the import refuses");
                }
                if (event == XMLStreamConstants.START_ELEMENT) {
                    return start();
                }
            }
            throw new FeedImportException("The input holds no XML element: this is not a feed");
        } catch (XMLStreamException e) {
            throw translate(e);
        }
    }

    El nextChild() {
        try {
            while (true) {
                int event = xml.next();
                switch (event) {
                    case XMLStreamConstants.START_ELEMENT -> {
                        return start();
                    }
                    case XMLStreamConstants.END_ELEMENT -> {
                        scopes.pop();
                        return null;
                    }
                    case XMLStreamConstants.END_DOCUMENT -> throw error("The feed ends in the middle of an element");
                    case XMLStreamConstants.DTD -> throw error("The feed has a DOCTYPE, which the import refuses");
                    default -> {
                        // text between elements, comments, processing instructions
                    }
                }
            }
        } catch (XMLStreamException e) {
            throw translate(e);
        }
    }

    /** Consumes the current element and everything in it. */
    void skip() {
        while (nextChild() != null) {
            skip();
        }
    }

    /**
     * The text of the current element, consuming it. Nested elements give their text; with
     * {@code keepMarkup} they are written back as tags (a description holding unescaped HTML),
     * their text escaped again.
     */
    String text(boolean keepMarkup) {
        List<String> parts = new ArrayList<>();
        boolean nested = false;
        long size = 0;
        int depth = 0;
        try {
            while (true) {
                int event = xml.next();
                switch (event) {
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                        size += xml.getTextLength();
                        if (size > limits.maxTextChars()) {
                            throw error("An element's text is longer than " + limits.maxTextChars() + " characters, the import's limit");
                        }
                        parts.add(xml.getText());
                    }
                    case XMLStreamConstants.ENTITY_REFERENCE -> throw error("Entity references are refused: &" + xml.getLocalName() + ";");
                    case XMLStreamConstants.START_ELEMENT -> {
                        El el = start();
                        depth++;
                        nested = true;
                        if (keepMarkup) {
                            StringBuilder tag = new StringBuilder("\u0000<").append(el.name());
                            el.attrs().forEach((k, v) -> tag.append(' ').append(k).append("=\"").append(escape(v)).append('"'));
                            parts.add(tag.append('>').toString());
                        }
                    }
                    case XMLStreamConstants.END_ELEMENT -> {
                        scopes.pop();
                        if (depth == 0) {
                            return join(parts, nested);
                        }
                        depth--;
                        if (keepMarkup) {
                            parts.add("\u0000</" + localName() + ">");
                        }
                    }
                    case XMLStreamConstants.END_DOCUMENT -> throw error("The feed ends in the middle of an element");
                    default -> {
                    }
                }
            }
        } catch (XMLStreamException e) {
            throw translate(e);
        }
    }

    private static String join(List<String> parts, boolean nested) {
        StringBuilder sb = new StringBuilder();
        for (String p : parts) {
            if (!p.isEmpty() && p.charAt(0) == '\u0000') {
                sb.append(p, 1, p.length());
            } else {
                sb.append(nested ? escape(p) : p);
            }
        }
        return sb.toString();
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private String localName() {
        String q = qname();
        int colon = q.indexOf(':');
        return colon < 0 ? q : q.substring(colon + 1);
    }

    private String qname() {
        String prefix = xml.getPrefix();
        String local = xml.getLocalName();
        return prefix == null || prefix.isEmpty() ? local : prefix + ":" + local;
    }

    private El start() {
        if (++elements > limits.maxElements()) {
            throw error("More than " + limits.maxElements() + " elements, the import's limit");
        }
        if (scopes.size() >= limits.maxDepth()) {
            throw error("Elements nested deeper than " + limits.maxDepth() + ", the import's limit");
        }
        Map<String, String> declared = null;
        Map<String, String> attrs = new HashMap<>();
        for (int i = 0; i < xml.getAttributeCount(); i++) {
            String prefix = xml.getAttributePrefix(i);
            String local = xml.getAttributeLocalName(i);
            String name = prefix == null || prefix.isEmpty() ? local : prefix + ":" + local;
            String value = xml.getAttributeValue(i);
            if (name.equals("xmlns") || name.startsWith("xmlns:")) {
                if (declared == null) {
                    declared = new HashMap<>();
                }
                declared.put(name.equals("xmlns") ? "" : name.substring(6), value);
            } else {
                attrs.put(name.toLowerCase(Locale.ROOT), value);
            }
        }
        scopes.push(declared == null ? Map.of() : declared);
        String q = qname();
        int colon = q.indexOf(':');
        String prefix = colon < 0 ? "" : q.substring(0, colon);
        String local = colon < 0 ? q : q.substring(colon + 1);
        return new El(namespace(prefix), local, attrs);
    }

    private Ns namespace(String prefix) {
        for (Map<String, String> scope : scopes) {
            String uri = scope.get(prefix);
            if (uri != null) {
                return Ns.of(uri);
            }
        }
        if (prefix.isEmpty()) {
            return Ns.RSS;
        }
        Ns assumed = Ns.CONVENTIONAL_PREFIXES.getOrDefault(prefix.toLowerCase(Locale.ROOT), Ns.OTHER);
        if (reportedPrefixes.add(prefix)) {
            problems.accept("The prefix \"" + prefix + ":\" is used without being declared"
                    + (assumed == Ns.OTHER ? ": its elements are ignored" : ": read as the usual " + prefix + " namespace"));
        }
        return assumed;
    }

    FeedImportException error(String message) {
        Location at = xml.getLocation();
        return new FeedImportException(message, at == null ? -1 : at.getLineNumber(), at == null ? -1 : at.getColumnNumber(), null);
    }

    /** The parser's complaint in words, with its line and column; our own refusals pass through. */
    static FeedImportException translate(XMLStreamException e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof FeedImportException f) {
                return f;
            }
            if (t instanceof XMLStreamException x && x.getNestedException() instanceof FeedImportException f) {
                return f;
            }
            if (t instanceof java.nio.charset.CharacterCodingException) {
                return new FeedImportException("The feed's bytes are not in the encoding it declares", e);
            }
        }
        String message = e.getMessage() == null ? "unreadable XML" : e.getMessage();
        int m = message.indexOf("Message: ");
        if (m >= 0) {
            message = message.substring(m + 9);
        }
        Location at = e.getLocation();
        return new FeedImportException("The feed is not well-formed XML: " + message.strip(),
                at == null ? -1 : at.getLineNumber(), at == null ? -1 : at.getColumnNumber(), e);
    }

    @Override
    public void close() {
        try {
            xml.close();
        } catch (XMLStreamException ignored) {
            // closing a reader we are done with
        }
        try {
            source.close();
        } catch (IOException ignored) {
            // nothing left to read
        }
    }
}
