package io.parley.server.presence;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Who is online on this node, and when the others were last seen, in memory. A user is online while at least
 * one of their devices is connected: the table counts devices per user and reports a {@link PresenceChange}
 * only for the first device in and the last device out.
 *
 * <p>Counting and reporting are one atomic step per user (inside the map's per-key compute), so a user's
 * changes reach the sink in the order they happened and always alternate online, offline, online... A device
 * connecting while the last one disconnects ends as "online" whichever runs first. The sink is called inside
 * that step: it must be quick, must not block and must not call back into the table.
 *
 * <p>A user who went offline keeps a small entry with their last seen: one per user seen since start.
 */
final class PresenceTable {

    /** A user's state: {@code devices > 0} is online; {@code lastSeen} is null while online. */
    record Entry(int devices, Instant lastSeen) {

        UserPresence presence() {
            return devices > 0 ? UserPresence.ONLINE : new UserPresence(false, lastSeen);
        }
    }

    private final Map<Long, Entry> byUser = new ConcurrentHashMap<>();
    private final AtomicInteger onlineUsers = new AtomicInteger();
    private final Consumer<PresenceChange> changes;

    PresenceTable(Consumer<PresenceChange> changes) {
        this.changes = changes;
    }

    void connected(long userId, String publicId) {
        byUser.compute(userId, (id, entry) -> {
            int devices = entry == null ? 1 : entry.devices() + 1;
            if (devices == 1) {
                onlineUsers.incrementAndGet();
                changes.accept(new PresenceChange(id, publicId, true, null));
            }
            return new Entry(devices, null);
        });
    }

    /**
     * @param at the moment the device went, the user's last seen if it was their last
     * @throws IllegalStateException when the user has no device counted (a disconnect without its connect);
     *                               the table is left unchanged
     */
    void disconnected(long userId, String publicId, Instant at) {
        byUser.compute(userId, (id, entry) -> {
            if (entry == null || entry.devices() == 0) {
                throw new IllegalStateException("User " + publicId + " disconnected a device that never connected");
            }
            if (entry.devices() > 1) {
                return new Entry(entry.devices() - 1, null);
            }
            onlineUsers.decrementAndGet();
            changes.accept(new PresenceChange(id, publicId, false, at));
            return new Entry(0, at);
        });
    }

    /** The user's entry, or null when they have not connected to this node since it started. */
    Entry entry(long userId) {
        return byUser.get(userId);
    }

    boolean isOnline(long userId) {
        Entry entry = byUser.get(userId);
        return entry != null && entry.devices() > 0;
    }

    int onlineUsers() {
        return onlineUsers.get();
    }

    List<Long> onlineUserIds() {
        return byUser.entrySet().stream().filter(e -> e.getValue().devices() > 0).map(Map.Entry::getKey).toList();
    }
}
