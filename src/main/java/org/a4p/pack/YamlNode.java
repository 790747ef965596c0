package org.a4p.pack;

import java.io.Reader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/** A YAML node that remembers its file and line, so pack problems can point at them. */
final class YamlNode {
    private final String file;
    private final Node node;

    private YamlNode(String file, Node node) {
        this.file = file;
        this.node = node;
    }

    static YamlNode parse(String file, Reader reader) {
        Node root = new Yaml(new LoaderOptions()).compose(reader);
        return new YamlNode(file, root);
    }

    String file() {
        return file;
    }

    int line() {
        return node == null ? 1 : node.getStartMark().getLine() + 1;
    }

    /** True for a document with no content (only comments). */
    boolean isEmpty() {
        return node == null;
    }

    boolean isMap() {
        return node instanceof MappingNode;
    }

    boolean isList() {
        return node instanceof SequenceNode;
    }

    boolean isScalar() {
        return node instanceof ScalarNode;
    }

    /** The map's entries in file order; empty when this is not a map. */
    Map<String, YamlNode> entries() {
        Map<String, YamlNode> out = new LinkedHashMap<>();
        if (node instanceof MappingNode map) {
            for (NodeTuple tuple : map.getValue()) {
                if (tuple.getKeyNode() instanceof ScalarNode key) {
                    out.put(key.getValue(), new YamlNode(file, tuple.getValueNode()));
                }
            }
        }
        return out;
    }

    Optional<YamlNode> get(String key) {
        return Optional.ofNullable(entries().get(key));
    }

    List<YamlNode> items() {
        List<YamlNode> out = new ArrayList<>();
        if (node instanceof SequenceNode seq) {
            for (Node item : seq.getValue()) {
                out.add(new YamlNode(file, item));
            }
        }
        return out;
    }

    /** The scalar text, or null for a non-scalar or an explicit null. */
    String text() {
        if (node instanceof ScalarNode scalar) {
            String value = scalar.getValue();
            boolean plainNull = scalar.getScalarStyle().getChar() == null
                    && (value.isEmpty() || value.equals("~") || value.equals("null"));
            return plainNull ? null : value;
        }
        return null;
    }

    String where() {
        return file + ":" + line();
    }
}
