package io.parley.server.presence;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.parley.server.delivery.DeviceConnection;
import io.parley.server.delivery.DeviceListener;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Who is online and when others were last seen: the one place to ask. A user is online while at least one of
 * their devices is connected to this node; when the last one disconnects, their last seen is that moment
 * (from the Clock bean, to the millisecond). Friends are told both changes by a {@code Presence} frame; last
 * seen is kept in memory and in {@code users.last_seen_at}, so it outlives a restart.
 *
 * <p>Fed by the gateway through {@link DeviceListener}; answers from memory, and from the database only for
 * the last seen of users not seen since this node started. Per node: a cluster needs a shared view.
 */
@Component
public class PresenceTracker implements DeviceListener, SmartLifecycle {

    /** Stops after the gateway (which stops first, at the default phase), so every disconnect is counted. */
    static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 512;
    private static final Logger log = LoggerFactory.getLogger(PresenceTracker.class);
    private static final int ROWS_PER_SHUTDOWN_BATCH = 500;

    private final PresenceTable table;
    private final PresenceAnnouncer announcer;
    private final LastSeenStore store;
    private final PresenceProperties properties;
    private final Clock clock;
    private volatile boolean running;

    PresenceTracker(PresenceAnnouncer announcer, LastSeenStore store, PresenceProperties properties, Clock clock,
            MeterRegistry registry) {
        this.table = new PresenceTable(announcer::submit);
        this.announcer = announcer;
        this.store = store;
        this.properties = properties;
        this.clock = clock;
        Gauge.builder("parley.presence.online.users", table, PresenceTable::onlineUsers)
                .description("Users with at least one device connected to this node")
                .register(registry);
    }

    /** True while at least one of the user's devices is connected to this node. */
    public boolean isOnline(long userId) {
        return table.isOnline(userId);
    }

    /** When the user's last device disconnected; empty while they are online, and when never seen. */
    public Optional<Instant> lastSeen(long userId) {
        return Optional.ofNullable(presenceOf(List.of(userId)).get(userId).lastSeen());
    }

    /**
     * Online or last seen of each user, for lists (friends, group members): an entry for every id asked for,
     * with at most one database query per 500 users not seen since this node started.
     */
    public Map<Long, UserPresence> presenceOf(Collection<Long> userIds) {
        Map<Long, UserPresence> result = new HashMap<>();
        List<Long> notInMemory = new ArrayList<>();
        for (long userId : userIds) {
            PresenceTable.Entry entry = table.entry(userId);
            if (entry == null) {
                notInMemory.add(userId);
            } else {
                result.put(userId, entry.presence());
            }
        }
        if (!notInMemory.isEmpty()) {
            Map<Long, Instant> stored = store.load(notInMemory);
            for (long userId : notInMemory) {
                Instant lastSeen = stored.get(userId);
                result.put(userId, lastSeen == null ? UserPresence.NEVER_SEEN : new UserPresence(false, lastSeen));
            }
        }
        return result;
    }

    @Override
    public void connected(DeviceConnection device) {
        table.connected(device.user().id(), device.user().uuid());
    }

    @Override
    public void disconnected(DeviceConnection device) {
        table.disconnected(device.user().id(), device.user().uuid(), clock.instant().truncatedTo(ChronoUnit.MILLIS));
    }

    @Override
    public void start() {
        announcer.start();
        running = true;
    }

    /**
     * Writes the last seen of the users whose change the announcer had not handled yet (the gateway has just
     * disconnected everyone), and of any user still counted online, in batches, for at most
     * {@code shutdown-write-budget}. Friends are not told: their own connections to this node are gone too.
     * Users beyond the budget keep their previous last seen; a shutdown must not wait on thousands of rows.
     */
    @Override
    public void stop() {
        running = false;
        long deadline = System.nanoTime() + properties.shutdownWriteBudget().toNanos();
        Map<Long, Instant> lastSeen = new LinkedHashMap<>();
        for (PresenceChange change : announcer.stop(properties.shutdownWriteBudget())) {
            if (!change.online()) {
                lastSeen.put(change.userId(), change.lastSeen());
            }
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        table.onlineUserIds().forEach(userId -> lastSeen.put(userId, now));
        writeWithinBudget(lastSeen, deadline);
    }

    private void writeWithinBudget(Map<Long, Instant> lastSeen, long deadline) {
        List<Map.Entry<Long, Instant>> rows = List.copyOf(lastSeen.entrySet());
        int written = 0;
        while (written < rows.size() && (written == 0 || System.nanoTime() < deadline)) {
            Map<Long, Instant> batch = new LinkedHashMap<>();
            rows.subList(written, Math.min(rows.size(), written + ROWS_PER_SHUTDOWN_BATCH))
                    .forEach(row -> batch.put(row.getKey(), row.getValue()));
            try {
                store.saveAll(batch);
            } catch (RuntimeException e) {
                log.warn("Shutdown: could not save the last seen of {} users", rows.size() - written, e);
                return;
            }
            written += batch.size();
        }
        if (written < rows.size()) {
            log.info("Shutdown: saved the last seen of {} users, skipped {} (over parley.presence.shutdown-write-budget)",
                    written, rows.size() - written);
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }
}
