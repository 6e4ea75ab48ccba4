package io.parley.bench.traffic;

import io.parley.bench.client.Account;
import io.parley.protocol.MessageType;
import java.util.List;

/**
 * Where a chatter's message goes, and how many devices must receive it: a friend (one device, 1:1) or a group
 * (one device per other member: the sending device gets the ack, not a Deliver).
 */
public record Destination(String to, MessageType type, int receipts) {

    public static Destination friend(Account friend) {
        return new Destination(friend.userId(), MessageType.SINGLE, 1);
    }

    public static List<Destination> friends(List<Account> friends) {
        return friends.stream().map(Destination::friend).toList();
    }

    /** A group of {@code members} users, each online with one device. */
    public static Destination group(String groupId, int members) {
        return new Destination(groupId, MessageType.GROUP, members - 1);
    }
}
