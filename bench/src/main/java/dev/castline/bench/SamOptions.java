package dev.castline.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What template.yaml deploys a function with, so the benchmarks start each function's JVM as
 * Lambda will: its {@code JAVA_TOOL_OPTIONS}, and the runtime, SnapStart (or provisioned
 * concurrency) and memory size that decide Lambda's own JVM flags ({@link LambdaRuntime}). Read
 * from the {@code Globals} section, overridden by the function's own properties where it sets
 * them (as SAM merges them). A few scalars from known places: an indentation scan is enough
 * (CloudFormation's tags keep a plain YAML parser out), and {@code TemplateTest} checks the
 * template itself.
 */
final class SamOptions {
    /** Lambda's default when a template gives no MemorySize. */
    static final int LAMBDA_DEFAULT_MEMORY_MB = 128;

    /**
     * One function as deployed.
     *
     * @param runtime         the runtime, with SnapStart or provisioned concurrency folded in
     * @param memoryMb        its memory size
     * @param javaToolOptions what its {@code JAVA_TOOL_OPTIONS} holds; empty for none
     */
    record Deployment(LambdaRuntime runtime, int memoryMb, String javaToolOptions) {
        /** The flags Lambda starts its JVM with. */
        List<String> jvmFlags() {
            return runtime.jvmFlags(memoryMb);
        }

        /** The same function deployed on another runtime (SnapStart, memory and options as they are). */
        Deployment on(LambdaRuntime other) {
            return new Deployment(other, memoryMb, javaToolOptions);
        }
    }

    private static final Pattern KEY = Pattern.compile("^([A-Za-z0-9_.-]+):(?:\\s+(.*))?$");
    private static final Map<Path, Map<String, String>> PARSED = new ConcurrentHashMap<>();

    private SamOptions() {
    }

    /** The {@code JAVA_TOOL_OPTIONS} the template gives (the first one it sets, as it always did: the Globals'). */
    static String javaToolOptions(Path template) throws IOException {
        for (String line : Files.readAllLines(template)) {
            String trimmed = line.strip();
            if (trimmed.startsWith("JAVA_TOOL_OPTIONS:")) {
                return trimmed.substring("JAVA_TOOL_OPTIONS:".length()).strip().replaceAll("^\"|\"$", "");
            }
        }
        return "";
    }

    /** What the Globals deploy every function with (what a function that overrides nothing gets). */
    static Deployment deployed(Path template) {
        return deployed(template, null);
    }

    /**
     * What the function whose {@code Handler} is {@code handlerClass} is deployed with: the Globals,
     * overridden by that function's properties. With no such function (or null), the Globals alone.
     */
    static Deployment deployed(Path template, String handlerClass) {
        Map<String, String> values = scalars(template);
        String globals = "Globals.Function.";
        String own = handlerClass == null ? null : functionPrefix(values, handlerClass);
        String runtimeName = value(values, own, globals, "Runtime");
        boolean snapStart = "PublishedVersions".equalsIgnoreCase(value(values, own, globals, "SnapStart.ApplyOn"));
        boolean provisioned = values.keySet().stream().anyMatch(k -> k.startsWith(globals + "ProvisionedConcurrencyConfig.")
                || (own != null && k.startsWith(own + "ProvisionedConcurrencyConfig.")));
        LambdaRuntime runtime;
        if (runtimeName == null || !runtimeName.matches("java(17|21|25)")) {
            System.err.println("note: " + template + " gives Runtime " + runtimeName + ", not one of java17/java21/java25: "
                    + "measuring with java21's flags");
            runtime = LambdaRuntime.JAVA21;
        } else {
            runtime = LambdaRuntime.parse(runtimeName, snapStart || provisioned);
        }
        String memory = value(values, own, globals, "MemorySize");
        int memoryMb;
        if (memory == null) {
            memoryMb = LAMBDA_DEFAULT_MEMORY_MB;
        } else if (memory.matches("\\d+")) {
            memoryMb = Integer.parseInt(memory);
        } else {
            System.err.println("note: " + template + " gives MemorySize " + memory + ": measuring with 1024 MB");
            memoryMb = 1024;
        }
        String options = value(values, own, globals, "Environment.Variables.JAVA_TOOL_OPTIONS");
        return new Deployment(runtime, memoryMb, options == null ? "" : options);
    }

    /** {@code Resources.<id>.Properties.} of the function whose Handler names the class, or null. */
    private static String functionPrefix(Map<String, String> values, String handlerClass) {
        for (var e : values.entrySet()) {
            String key = e.getKey();
            String handler = e.getValue();
            if (key.startsWith("Resources.") && key.endsWith(".Properties.Handler")
                    && (handler.equals(handlerClass) || handler.startsWith(handlerClass + "::"))) {
                return key.substring(0, key.length() - "Handler".length());
            }
        }
        return null;
    }

    private static String value(Map<String, String> values, String own, String globals, String key) {
        if (own != null && values.containsKey(own + key)) {
            return values.get(own + key);
        }
        return values.get(globals + key);
    }

    /**
     * Every scalar of a mapping, by its dotted path ({@code Globals.Function.Runtime}). List items
     * and block scalars are skipped with all they hold: nothing read here lives in one.
     */
    static Map<String, String> scalars(Path template) {
        return PARSED.computeIfAbsent(template.toAbsolutePath().normalize(), t -> {
            try {
                return scalars(Files.readAllLines(t));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    static Map<String, String> scalars(List<String> lines) {
        Map<String, String> out = new LinkedHashMap<>();
        List<Integer> indents = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        int skipDeeperThan = -1;
        for (String line : lines) {
            String t = line.strip();
            if (t.isEmpty() || t.startsWith("#")) {
                continue;
            }
            int indent = line.indexOf(t.charAt(0));
            if (skipDeeperThan >= 0) {
                if (indent > skipDeeperThan) {
                    continue;
                }
                skipDeeperThan = -1;
            }
            while (!indents.isEmpty() && indents.get(indents.size() - 1) >= indent) {
                indents.remove(indents.size() - 1);
                keys.remove(keys.size() - 1);
            }
            if (t.startsWith("- ") || t.equals("-")) {
                skipDeeperThan = indent;
                continue;
            }
            Matcher m = KEY.matcher(t);
            if (!m.matches()) {
                continue; // the rest of a plain scalar spread over lines
            }
            String key = m.group(1);
            String value = m.group(2) == null ? "" : unquote(m.group(2));
            if (value.isEmpty()) {
                indents.add(indent);
                keys.add(key);
            } else if (value.startsWith(">") || value.startsWith("|")) {
                skipDeeperThan = indent;
            } else {
                out.put(String.join("", keys.stream().map(k -> k + ".").toList()) + key, value);
            }
        }
        return out;
    }

    private static String unquote(String raw) {
        String v = raw.strip();
        if (!v.isEmpty() && (v.charAt(0) == '"' || v.charAt(0) == '\'')) {
            int close = v.indexOf(v.charAt(0), 1);
            if (close > 0) {
                return v.substring(1, close);
            }
        }
        int comment = v.indexOf(" #");
        return (comment >= 0 ? v.substring(0, comment) : v).strip();
    }
}
