package io.parley.server.message;

import java.util.LinkedHashMap;
import java.util.Map;

/** Bounded maps for the writer's in-memory lookups: the least recently used entry goes once one is over. */
final class LruMaps {

    private LruMaps() {
    }

    /** Not thread-safe: each writer stripe keeps its own, used only by its thread. */
    static <K, V> Map<K, V> of(int capacity) {
        return new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > capacity;
            }
        };
    }
}
