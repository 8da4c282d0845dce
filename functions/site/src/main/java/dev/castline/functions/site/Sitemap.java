package dev.castline.functions.site;

import dev.castline.api.Paths;
import dev.castline.domain.EpisodeSummary;
import dev.castline.domain.Show;
import dev.castline.feed.XmlOut;
import java.util.List;

/** {@code /sitemap.xml} (sitemaps.org) and {@code /robots.txt}: the home page and every public episode's page. */
final class Sitemap {
    private Sitemap() {
    }

    static byte[] xml(Show show, List<EpisodeSummary> episodes) {
        XmlOut xml = new XmlOut(512 + episodes.size() * 160);
        xml.declaration().start("urlset").attribute("xmlns", "http://www.sitemaps.org/schemas/sitemap/0.9").endStart();
        url(xml, SitePages.absolute(show, "/"), episodes.isEmpty() ? null : Times.isoDay(episodes.getFirst().publishAt()));
        for (EpisodeSummary e : episodes) {
            url(xml, SitePages.absolute(show, Paths.episodePage(e.slug())), Times.isoDay(e.publishAt()));
        }
        return xml.close("urlset").toBytes();
    }

    static String robots(Show show) {
        return "User-agent: *\nAllow: /\nDisallow: " + Paths.ADMIN + "/\nDisallow: /embed/\n\nSitemap: "
                + SitePages.absolute(show, "/sitemap.xml") + "\n";
    }

    private static void url(XmlOut xml, String loc, String lastmod) {
        xml.open("url").element("loc", loc).element("lastmod", lastmod).close("url");
    }
}
