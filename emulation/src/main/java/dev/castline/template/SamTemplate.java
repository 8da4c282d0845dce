package dev.castline.template;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * A SAM template (template.yaml), parsed: the tests check it against the code, and the local
 * stack reads its routes from it. CloudFormation's short forms ({@code !Ref X}, {@code !GetAtt A.B}) are
 * read as one-entry maps ({@code {"Ref": "X"}}), the same shape as their long forms.
 */
public final class SamTemplate {
    private final Map<String, Object> root;

    private SamTemplate(Map<String, Object> root) {
        this.root = root;
    }

    public static SamTemplate load(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    public static SamTemplate parse(InputStream yaml) {
        return new SamTemplate((Map<String, Object>) new Yaml(new CloudFormationConstructor()).load(yaml));
    }

    public Map<String, Object> resources() {
        return map(root.get("Resources"));
    }

    /** Logical id → properties, for every resource of this type. */
    public Map<String, Map<String, Object>> resourcesOfType(String type) {
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        resources().forEach((id, r) -> {
            if (type.equals(map(r).get("Type"))) {
                out.put(id, map(map(r).get("Properties")));
            }
        });
        return out;
    }

    public Map<String, Object> globalFunction() {
        return map(map(root.get("Globals")).get("Function"));
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> map(Object o) {
        return o == null ? Map.of() : (Map<String, Object>) o;
    }

    @SuppressWarnings("unchecked")
    public static List<Object> list(Object o) {
        return o == null ? List.of() : (List<Object>) o;
    }

    private static final class CloudFormationConstructor extends SafeConstructor {
        CloudFormationConstructor() {
            super(new LoaderOptions());
            // Any tag SnakeYAML does not know is an intrinsic function.
            yamlConstructors.put(null, new AbstractConstruct() {
                @Override
                public Object construct(Node node) {
                    String name = node.getTag().getValue().substring(1);
                    String function = name.equals("Ref") || name.equals("Condition") ? name : "Fn::" + name;
                    Object value;
                    if (node instanceof ScalarNode s) {
                        value = name.equals("GetAtt") ? List.of(s.getValue().split("\\.", 2)) : s.getValue();
                    } else if (node instanceof SequenceNode s) {
                        value = new ArrayList<>(constructSequence(s));
                    } else {
                        value = constructMapping((MappingNode) node);
                    }
                    return Map.of(function, value);
                }
            });
        }
    }
}
