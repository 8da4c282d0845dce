package dev.castline.functions.site;

import dev.castline.api.Paths;
import dev.castline.domain.EpisodeSummary;
import dev.castline.domain.Show;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** {@code /sitemap.xml} (sitemaps.org) and {@code /robots.txt}: the home page and every public episode's page. */
final class Sitemap {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);

    private Sitemap() {
    }

    static String xml(Show show, List<EpisodeSummary> episodes) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
        url(xml, SitePages.absolute(show, "/"), episodes.isEmpty() ? null : DAY.format(episodes.getFirst().publishAt()));
        for (EpisodeSummary e : episodes) {
            url(xml, SitePages.absolute(show, Paths.episodePage(e.slug())), DAY.format(e.publishAt()));
        }
        return xml.append("</urlset>\n").toString();
    }

    static String robots(Show show) {
        return "User-agent: *\nAllow: /\nDisallow: " + Paths.ADMIN + "/\nDisallow: /embed/\n\nSitemap: "
                + SitePages.absolute(show, "/sitemap.xml") + "\n";
    }

    private static void url(StringBuilder xml, String loc, String lastmod) {
        xml.append("  <url><loc>").append(escape(loc)).append("</loc>");
        if (lastmod != null) {
            xml.append("<lastmod>").append(lastmod).append("</lastmod>");
        }
        xml.append("</url>\n");
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&apos;");
    }
}
