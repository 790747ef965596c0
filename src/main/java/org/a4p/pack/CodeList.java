package org.a4p.pack;

import java.util.List;
import java.util.Map;

/** A closed list of codes a field may take, with a label for each. */
public record CodeList(String id, String name, Map<String, String> labels) {

    public boolean contains(String code) {
        return labels.containsKey(code);
    }

    public List<String> codes() {
        return List.copyOf(labels.keySet());
    }
}
