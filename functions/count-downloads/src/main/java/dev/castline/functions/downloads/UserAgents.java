package dev.castline.functions.downloads;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.castline.http.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Who a User-Agent is, from lists in the Open Podcast Analytics Working Group's shape (see
 * {@code useragents/SOURCE.md}): a bot (never counted), one of the apps a host asks about, a web
 * browser, or another client. Unknown agents count, as "Other". Patterns are tried like the
 * JavaScript {@code RegExp.test} the lists are written for (a match anywhere). An agent's answer
 * is remembered, so a log of a million lines runs the patterns once per distinct agent.
 */
public final class UserAgents {
    public static final String WEB_BROWSER = "Web browser";
    public static final String OTHER = "Other";
    /** The apps reported by name; every other app is "Other". */
    public static final Set<String> NAMED_APPS = Set.of("Apple Podcasts", "Spotify", "Overcast", "Pocket Casts", "AntennaPod", "Castro",
            "Podcast Addict");
    private static final String RESOURCES = "useragents/";
    private static final int MAX_REMEMBERED = 50_000;

    /** What an agent is: a bot, or the app group it is counted under. */
    public record Agent(boolean bot, String app) {
        static final Agent BOT = new Agent(true, null);
    }

    private record Entry(String name, Pattern pattern) {
    }

    private final List<Entry> bots;
    private final List<Entry> apps;
    private final List<Entry> browsers;
    private final Map<String, Agent> remembered = new ConcurrentHashMap<>();

    UserAgents(List<Entry> bots, List<Entry> apps, List<Entry> browsers) {
        this.bots = bots;
        this.apps = apps;
        this.browsers = browsers;
    }

    /** The lists shipped with the function. */
    public static UserAgents shipped() {
        return new UserAgents(load("bots.json"), load("apps.json"), load("browsers.json"));
    }

    public Agent classify(String userAgent) {
        String ua = userAgent == null || userAgent.equals("-") ? "" : userAgent;
        Agent known = remembered.get(ua);
        if (known != null) {
            return known;
        }
        Agent agent = decide(ua);
        if (remembered.size() >= MAX_REMEMBERED) {
            remembered.clear();
        }
        remembered.put(ua, agent);
        return agent;
    }

    private Agent decide(String ua) {
        if (ua.isBlank()) {
            return Agent.BOT; // no agent at all: a script, not a listener's app
        }
        for (Entry bot : bots) {
            if (bot.pattern.matcher(ua).find()) {
                return Agent.BOT;
            }
        }
        for (Entry app : apps) {
            if (app.pattern.matcher(ua).find()) {
                return new Agent(false, NAMED_APPS.contains(app.name) ? app.name : OTHER);
            }
        }
        for (Entry browser : browsers) {
            if (browser.pattern.matcher(ua).find()) {
                return new Agent(false, WEB_BROWSER);
            }
        }
        return new Agent(false, OTHER);
    }

    /** The entries of one list file; a pattern Java cannot compile fails the load, naming it. */
    static List<Entry> load(String file) {
        try (InputStream in = UserAgents.class.getResourceAsStream(RESOURCES + file)) {
            if (in == null) {
                throw new IllegalStateException("user-agent list " + RESOURCES + file + " is missing");
            }
            return parse(in, file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Entry> parse(InputStream in, String file) throws IOException {
        List<Entry> entries = new ArrayList<>();
        try (JsonParser p = Json.FACTORY.createParser(in)) {
            JsonToken token;
            while ((token = p.nextToken()) != null) {
                if (token == JsonToken.FIELD_NAME && p.currentName().equals("entries")) {
                    p.nextToken();
                    while (p.nextToken() == JsonToken.START_OBJECT) {
                        String name = null;
                        String pattern = null;
                        while (p.nextToken() == JsonToken.FIELD_NAME) {
                            String field = p.currentName();
                            p.nextToken();
                            switch (field) {
                                case "name" -> name = p.getValueAsString();
                                case "pattern" -> pattern = p.getValueAsString();
                                default -> p.skipChildren();
                            }
                        }
                        if (name != null && pattern != null) {
                            try {
                                entries.add(new Entry(name, Pattern.compile(pattern)));
                            } catch (PatternSyntaxException e) {
                                throw new IllegalStateException(file + ": the pattern of \"" + name + "\" does not compile in Java: " + e.getDescription(), e);
                            }
                        }
                    }
                }
            }
        }
        return List.copyOf(entries);
    }
}
