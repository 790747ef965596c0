package org.a4p.pages;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** A map that keeps the {@code size} entries used last, for results that are dear to make and never change (a release's report, its zip). */
final class LastUsed {
    private LastUsed() {}

    static <K, V> Map<K, V> keeping(int size) {
        return Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > size;
            }
        });
    }
}
