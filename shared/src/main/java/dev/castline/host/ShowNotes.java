package dev.castline.host;

import java.util.Set;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.Code;
import org.commonmark.node.Emphasis;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.ThematicBreak;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.HtmlNodeRendererContext;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.html.HtmlWriter;

/**
 * Renders show notes from Markdown to the HTML subset podcast apps accept in an item's
 * description: {@code p, ol, ul, li, a} and nothing else. It runs once, when an episode is
 * written; reads serve the stored HTML.
 *
 * <p>Raw HTML in the input is shown as text, never passed through; link targets other than
 * absolute http(s) and mailto are dropped (the link keeps its text); everything outside the subset
 * keeps its text and loses its markup (a heading becomes a paragraph, emphasis plain text).
 */
public final class ShowNotes {
    private static final Parser PARSER = Parser.builder().build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder()
            .escapeHtml(true)
            .nodeRendererFactory(SubsetRenderer::new)
            .build();

    private ShowNotes() {
    }

    public static String toHtml(String markdown) {
        if (markdown == null || markdown.isBlank()) {
            return "";
        }
        return RENDERER.render(PARSER.parse(markdown)).strip();
    }

    /** Overrides the nodes whose default HTML is outside the subset. */
    private static final class SubsetRenderer implements NodeRenderer {
        private final HtmlNodeRendererContext context;
        private final HtmlWriter html;

        SubsetRenderer(HtmlNodeRendererContext context) {
            this.context = context;
            this.html = context.getWriter();
        }

        @Override
        public Set<Class<? extends Node>> getNodeTypes() {
            return Set.of(Heading.class, Emphasis.class, StrongEmphasis.class, Code.class,
                    FencedCodeBlock.class, IndentedCodeBlock.class, BlockQuote.class, ThematicBreak.class,
                    HtmlBlock.class, HtmlInline.class, Image.class, Link.class, HardLineBreak.class);
        }

        @Override
        public void render(Node node) {
            switch (node) {
                case Heading h -> paragraph(() -> children(h));
                case Emphasis e -> children(e);
                case StrongEmphasis s -> children(s);
                case Code c -> html.text(c.getLiteral());
                case FencedCodeBlock f -> paragraph(() -> html.text(f.getLiteral().strip()));
                case IndentedCodeBlock i -> paragraph(() -> html.text(i.getLiteral().strip()));
                case BlockQuote q -> children(q);
                case ThematicBreak t -> { }
                case HtmlBlock b -> paragraph(() -> html.text(b.getLiteral().strip()));
                case HtmlInline i -> html.text(i.getLiteral());
                case Image i -> anchor(i.getDestination(), () -> html.text(altText(i)));
                case Link l -> anchor(l.getDestination(), () -> children(l));
                case HardLineBreak b -> html.text("\n");
                default -> children(node);
            }
        }

        private void anchor(String destination, Runnable content) {
            String url = destination == null ? "" : destination.strip();
            if (!isAllowedTarget(url)) {
                content.run();
                return;
            }
            html.tag("a", java.util.Map.of("href", context.encodeUrl(url)));
            content.run();
            html.tag("/a");
        }

        /** Only absolute web and mail links: a podcast app has no base URL for relative ones. */
        private static boolean isAllowedTarget(String url) {
            String lower = url.toLowerCase(java.util.Locale.ROOT);
            return lower.startsWith("https://") || lower.startsWith("http://") || lower.startsWith("mailto:");
        }

        private void paragraph(Runnable content) {
            html.line();
            html.tag("p");
            content.run();
            html.tag("/p");
            html.line();
        }

        private void children(Node parent) {
            Node child = parent.getFirstChild();
            while (child != null) {
                Node next = child.getNext();
                context.render(child);
                child = next;
            }
        }

        private static String altText(Image image) {
            StringBuilder sb = new StringBuilder();
            Node child = image.getFirstChild();
            while (child != null) {
                if (child instanceof org.commonmark.node.Text t) {
                    sb.append(t.getLiteral());
                }
                child = child.getNext();
            }
            return sb.isEmpty() ? image.getDestination() : sb.toString();
        }
    }
}
