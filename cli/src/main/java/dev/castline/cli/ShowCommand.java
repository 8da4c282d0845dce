package dev.castline.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "show", mixinStandardHelpOptions = true,
        description = {"Prints or changes the show's settings.",
            "'castline show' (or 'show get') prints them; 'castline show set KEY=VALUE…'",
            "changes some: an empty VALUE clears one, subscribeLinks.apple=URL sets a link."})
final class ShowCommand implements Callable<Integer> {
    private static final Set<String> BOOLEANS = Set.of("explicit", "serial", "locked");
    private static final Set<String> INTEGERS = Set.of("feedItemLimit");
    private static final String PATH = Episodes.ADMIN + "/show";

    @ParentCommand
    Castline root;

    @Mixin
    Common common;

    @Parameters(index = "0", arity = "0..1", paramLabel = "get|set", description = "get (the default) or set.")
    String action;

    @Parameters(index = "1..*", arity = "0..*", paramLabel = "KEY=VALUE", description = "With set: the settings to change.")
    List<String> assignments = new ArrayList<>();

    @Override
    public Integer call() {
        Env env = root.env;
        String what = action == null ? "get" : action;
        if (!what.equals("get") && !what.equals("set")) {
            throw Exit.usage("show takes get or set, not '" + what + "'");
        }
        if (what.equals("get") && !assignments.isEmpty()) {
            throw Exit.usage("show get takes no KEY=VALUE");
        }
        if (what.equals("set") && assignments.isEmpty()) {
            throw Exit.usage("show set needs at least one KEY=VALUE");
        }
        Api api = common.api(root);
        Api.Response current = api.find(PATH).orElse(null);
        JsonNode settings;
        if (what.equals("get")) {
            if (current == null) {
                throw new Exit.Failure(Exit.NOT_FOUND, "the show has no settings yet: castline show set title=… author=… …");
            }
            settings = current.body();
        } else {
            ObjectNode next = current == null ? Api.JSON.createObjectNode() : current.body().deepCopy();
            for (String assignment : assignments) {
                apply(next, assignment);
            }
            settings = api.put(PATH, next, current == null ? Map.of() : Map.of("If-Match", current.etag())).body();
        }
        if (common.json) {
            Common.printJson(env, settings);
            return Exit.OK;
        }
        List<List<String>> rows = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> fields = settings.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> f = fields.next();
            if (f.getValue().isObject()) {
                f.getValue().fields().forEachRemaining(link -> rows.add(List.of(f.getKey() + "." + link.getKey(), link.getValue().asText())));
            } else {
                rows.add(List.of(f.getKey(), f.getValue().asText()));
            }
        }
        Common.table(env, List.of("KEY", "VALUE"), rows);
        return Exit.OK;
    }

    static void apply(ObjectNode settings, String assignment) {
        int eq = assignment.indexOf('=');
        if (eq <= 0) {
            throw Exit.usage("'" + assignment + "' is not KEY=VALUE");
        }
        String key = assignment.substring(0, eq).strip();
        String value = assignment.substring(eq + 1);
        ObjectNode target = settings;
        String name = key;
        if (key.startsWith("subscribeLinks.")) {
            name = key.substring("subscribeLinks.".length());
            target = settings.has("subscribeLinks") && settings.get("subscribeLinks").isObject()
                    ? (ObjectNode) settings.get("subscribeLinks") : settings.putObject("subscribeLinks");
        }
        if (value.isEmpty()) {
            target.remove(name);
            if (target != settings && target.isEmpty()) {
                settings.remove("subscribeLinks");
            }
        } else if (BOOLEANS.contains(key)) {
            if (!value.equals("true") && !value.equals("false")) {
                throw Exit.usage(key + " must be true or false");
            }
            target.put(name, Boolean.parseBoolean(value));
        } else if (INTEGERS.contains(key)) {
            try {
                target.put(name, Integer.parseInt(value));
            } catch (NumberFormatException e) {
                throw Exit.usage(key + " must be a whole number");
            }
        } else {
            target.put(name, value);
        }
    }
}
