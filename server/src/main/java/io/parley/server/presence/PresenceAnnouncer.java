package io.parley.server.presence;

import io.parley.protocol.Frame;
import io.parley.protocol.Presence;
import io.parley.server.delivery.DevicePush;
import io.parley.server.friend.FriendGraph;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Acts on presence changes on a thread of its own: pushes a {@code Presence} frame to every connected device
 * of the user's friends, and writes the last seen of users who went offline. The changes come from connection
 * I/O threads, which must wait neither for the friend graph nor for the database.
 *
 * <p>Changes are handled in the order they were submitted; the ones waiting together form a batch, whose
 * last-seen rows are written in one JDBC batch (a whole node's users going at once costs a few statements,
 * not one round trip each).
 */
@Component
class PresenceAnnouncer {

    private static final Logger log = LoggerFactory.getLogger(PresenceAnnouncer.class);
    private static final int MAX_BATCH = 500;
    /** Wakes the thread when it is stopped while waiting; never handled. */
    private static final PresenceChange STOP = new PresenceChange(0, "", false, null);

    private final FriendGraph friends;
    private final DevicePush push;
    private final LastSeenStore store;
    private final BlockingQueue<PresenceChange> queue = new LinkedBlockingQueue<>();
    private volatile boolean running;
    private Thread thread;

    PresenceAnnouncer(FriendGraph friends, DevicePush push, LastSeenStore store) {
        this.friends = friends;
        this.push = push;
        this.store = store;
    }

    /**
     * Queues a change without blocking. Only a user's first connect and last disconnect make a change, so the
     * queue grows no faster than connections come and go, and the thread takes it in batches.
     */
    void submit(PresenceChange change) {
        queue.add(change);
    }

    void start() {
        running = true;
        thread = new Thread(this::run, "parley-presence");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Stops the thread and returns the changes it has not taken, unhandled: nobody is told about them, the
     * caller decides what to write. Waits up to {@code wait} for the batch the thread is handling, so its
     * last seens are written before the database goes away.
     */
    List<PresenceChange> stop(Duration wait) {
        running = false;
        List<PresenceChange> left = new ArrayList<>();
        queue.drainTo(left);
        queue.add(STOP);
        if (thread != null) {
            try {
                thread.join(Math.max(1, wait.toMillis()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return left;
    }

    private void run() {
        List<PresenceChange> batch = new ArrayList<>();
        while (running) {
            try {
                batch.add(queue.take());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            queue.drainTo(batch, MAX_BATCH - 1);
            batch.remove(STOP);
            handle(batch);
            batch.clear();
        }
    }

    /** Tells the friends of each change's user, then writes the batch's last seens. */
    void handle(List<PresenceChange> batch) {
        Map<Long, Instant> lastSeen = new LinkedHashMap<>();
        for (PresenceChange change : batch) {
            tellFriends(change);
            if (!change.online()) {
                lastSeen.put(change.userId(), change.lastSeen());
            }
        }
        if (lastSeen.isEmpty()) {
            return;
        }
        try {
            store.saveAll(lastSeen);
        } catch (RuntimeException e) {
            // This node still answers from memory; only a restart before these users' next disconnect would
            // show an older last seen. Not worth retrying against a database that just failed.
            log.warn("Could not save the last seen of {} users", lastSeen.size(), e);
        }
    }

    private void tellFriends(PresenceChange change) {
        try {
            Set<Long> friendIds = friends.friendsOf(change.userId());
            if (friendIds.isEmpty()) {
                return;
            }
            Presence.Builder presence = Presence.newBuilder()
                    .setUserId(change.publicId())
                    .setOnline(change.online());
            if (!change.online()) {
                presence.setLastSeen(change.lastSeen().toEpochMilli());
            }
            byte[] encoded = Frame.newBuilder().setPresence(presence).build().toByteArray();
            push.toUsers(friendIds.stream().mapToLong(Long::longValue).toArray(), encoded, null);
        } catch (RuntimeException e) {
            // Presence is a hint; the friend list tells the truth the next time it is fetched.
            log.warn("Could not tell the friends of user {} that they are {}", change.publicId(),
                    change.online() ? "online" : "offline", e);
        }
    }
}
