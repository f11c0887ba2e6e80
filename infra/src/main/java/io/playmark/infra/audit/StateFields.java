package io.playmark.infra.audit;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * An aggregate's state flattened to its fields by dotted path (objects are walked into, lists and values are
 * leaves), so that two states compare field by field.
 */
final class StateFields {

    private StateFields() {
    }

    static Map<String, JsonNode> of(JsonNode state) {
        Map<String, JsonNode> fields = new LinkedHashMap<>();
        if (state != null) {
            walk("", state, fields);
        }
        return fields;
    }

    /** The paths whose values differ, in path order; a field missing on one side differs from one present. */
    static Set<String> changed(Map<String, JsonNode> before, Map<String, JsonNode> after) {
        Set<String> paths = new TreeSet<>(before.keySet());
        paths.addAll(after.keySet());
        paths.removeIf(path -> Objects.equals(present(before.get(path)), present(after.get(path))));
        return paths;
    }

    /** A JSON null counts as absent. */
    static JsonNode present(JsonNode value) {
        return value == null || value.isNull() ? null : value;
    }

    private static void walk(String path, JsonNode node, Map<String, JsonNode> fields) {
        if (node.isObject() && !node.isEmpty()) {
            node.properties().forEach(field -> walk(path.isEmpty() ? field.getKey() : path + "." + field.getKey(),
                    field.getValue(), fields));
        } else if (!path.isEmpty()) {
            fields.put(path, node);
        }
    }
}
