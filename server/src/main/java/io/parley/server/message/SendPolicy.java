package io.parley.server.message;

import io.parley.protocol.ContentType;
import io.parley.protocol.MessageType;
import io.parley.server.delivery.FrameError;
import io.parley.server.friend.FriendGraph;
import io.parley.server.group.GroupMembership;
import io.parley.server.user.UserCard;
import io.parley.server.user.UserDirectory;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Who may send what to whom, decided from memory (users, friendships, blocks and group membership are all
 * cached): a 1:1 message needs a recipient who is not the sender and who neither blocked nor was blocked by
 * them (and friendship, unless strangers may message); a group message needs a member who may speak in a
 * group that still exists. A recall needs the sender of the message, or a group owner or admin, within
 * the recall window.
 */
final class SendPolicy {

    /**
     * What a permitted send reaches.
     *
     * @param recipients every member of the conversation (the sender included), for the fan-out
     * @param mentioned  internal ids of the mentioned users who are members
     * @param moderator  the sender is a group owner or admin
     */
    record Permit(long[] recipients, List<Long> mentioned, boolean moderator) {
    }

    /** Either a permit or the refusal. */
    record Verdict(Permit permit, Refusal refusal) {
        static Verdict refuse(FrameError error, String message) {
            return new Verdict(null, new Refusal(error, message));
        }
    }

    private final UserDirectory users;
    private final FriendGraph friends;
    private final GroupMembership groups;
    private final Clock clock;
    private final Duration recallWindow;

    SendPolicy(UserDirectory users, FriendGraph friends, GroupMembership groups, Clock clock, Duration recallWindow) {
        this.users = users;
        this.friends = friends;
        this.groups = groups;
        this.clock = clock;
        this.recallWindow = recallWindow;
    }

    Verdict check(PendingSend send) {
        return send.body().getMessageType() == MessageType.GROUP ? checkGroup(send) : checkDirect(send);
    }

    /** The recall rules, once the recalled message has been looked up (empty when it does not exist). */
    Optional<Refusal> checkRecall(Optional<StoredMessage> target, long senderId, boolean moderator) {
        if (target.isEmpty()) {
            return Optional.of(new Refusal(FrameError.MESSAGE_NOT_FOUND, "No such message"));
        }
        StoredMessage message = target.get();
        if (message.recalled() || message.contentType() == ContentType.RECALLED_VALUE) {
            return Optional.of(new Refusal(FrameError.ALREADY_RECALLED, "The message was recalled already"));
        }
        if (message.senderId() != senderId && !moderator) {
            return Optional.of(new Refusal(FrameError.RECALL_NOT_ALLOWED, "Only the sender or a group admin may recall it"));
        }
        if (message.createdAt().plus(recallWindow).isBefore(clock.instant())) {
            return Optional.of(new Refusal(FrameError.RECALL_WINDOW_PASSED,
                    "Messages can be recalled for " + recallWindow.toMinutes() + " minutes"));
        }
        return Optional.empty();
    }

    private Verdict checkDirect(PendingSend send) {
        Optional<UserCard> recipient = users.byUuid(send.body().getTo());
        if (recipient.isEmpty()) {
            return Verdict.refuse(FrameError.USER_NOT_FOUND, "No such user");
        }
        long from = send.sender().id();
        long to = recipient.get().id();
        if (from == to) {
            return Verdict.refuse(FrameError.BAD_MESSAGE, "You cannot message yourself");
        }
        if (friends.isBlockedEitherWay(from, to)) {
            return Verdict.refuse(FrameError.BLOCKED, "You cannot message this user");
        }
        if (!friends.mayMessage(from, to)) {
            return Verdict.refuse(FrameError.NOT_FRIENDS, "You can only message your friends");
        }
        return new Verdict(new Permit(new long[] {Math.min(from, to), Math.max(from, to)}, List.of(), false), null);
    }

    private Verdict checkGroup(PendingSend send) {
        long from = send.sender().id();
        var group = groups.snapshot(send.body().getTo()).filter(g -> g.isMember(from));
        if (group.isEmpty()) {
            return Verdict.refuse(FrameError.GROUP_NOT_FOUND, "No such group, or you are not a member");
        }
        var snapshot = group.get();
        if (snapshot.dissolved()) {
            return Verdict.refuse(FrameError.GROUP_DISSOLVED, "The group was dissolved");
        }
        boolean recall = send.body().getContentType() == ContentType.RECALLED;
        Optional<String> silenced = recall ? Optional.empty() : snapshot.whyCannotSpeak(from, clock.instant());
        if (silenced.isPresent()) {
            return switch (silenced.get()) {
                case "MEMBER_MUTED" -> Verdict.refuse(FrameError.MEMBER_MUTED, "You are muted in this group");
                case "GROUP_MUTED" -> Verdict.refuse(FrameError.GROUP_MUTED, "Only the owner and admins may speak now");
                case "GROUP_DISSOLVED" -> Verdict.refuse(FrameError.GROUP_DISSOLVED, "The group was dissolved");
                default -> Verdict.refuse(FrameError.GROUP_NOT_FOUND, "No such group, or you are not a member");
            };
        }
        Set<Long> mentioned = new LinkedHashSet<>();
        for (String userId : send.body().getMentionsList()) {
            users.byUuid(userId).map(UserCard::id).filter(snapshot::isMember).ifPresent(mentioned::add);
        }
        return new Verdict(new Permit(snapshot.memberIds(), List.copyOf(mentioned),
                snapshot.members().get(from).mayModerate()), null);
    }
}
