package io.parley.bench.traffic;

import java.util.List;

/** A group of chatters driven together: closed loop, paced at a total rate, or stopped. */
public final class ChatLoad {

    private final List<Chatter> chatters;

    public ChatLoad(List<Chatter> chatters) {
        this.chatters = List.copyOf(chatters);
    }

    public List<Chatter> chatters() {
        return chatters;
    }

    public void closedLoop(int windowPerChatter, long quotaPerChatter) {
        chatters.forEach(c -> c.closedLoop(windowPerChatter, quotaPerChatter));
    }

    /** Open loop: {@code messagesPerSecond} in total, spread evenly over the chatters. */
    public void paced(double messagesPerSecond) {
        long periodNanos = (long) (chatters.size() * 1e9 / messagesPerSecond);
        chatters.forEach(c -> c.paced(Math.max(1, periodNanos)));
    }

    public void stop() {
        chatters.forEach(Chatter::stop);
    }

    public long unacked() {
        return chatters.stream().mapToLong(Chatter::unacked).sum();
    }
}
