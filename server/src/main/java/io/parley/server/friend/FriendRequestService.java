package io.parley.server.friend;

import io.parley.protocol.FriendEvent;
import io.parley.server.user.User;
import io.parley.server.user.UserViews;
import io.parley.server.web.ApiException;
import io.parley.server.web.ErrorCode;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToLongFunction;
import java.util.stream.Stream;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/** Sending, answering, withdrawing and listing friend requests. Every change runs under the {@link PairLock}. */
@Service
@Transactional(isolation = Isolation.READ_COMMITTED)
class FriendRequestService {

    enum Direction { INCOMING, OUTGOING }

    private final FriendRequestRepository requests;
    private final FriendshipRepository friendships;
    private final BlockRepository blocks;
    private final FriendUsers users;
    private final PairLock pairLock;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    FriendRequestService(FriendRequestRepository requests, FriendshipRepository friendships, BlockRepository blocks,
            FriendUsers users, PairLock pairLock, ApplicationEventPublisher events, Clock clock) {
        this.requests = requests;
        this.friendships = friendships;
        this.blocks = blocks;
        this.users = users;
        this.pairLock = pairLock;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Asks {@code username} to be friends with {@code meId}. When they already asked {@code meId}, that
     * request is accepted instead and returned (status ACCEPTED, from = them).
     */
    FriendViews.Request send(long meId, String username) {
        User target = users.byUsername(username);
        if (target.getId() == meId) {
            throw new ApiException(ErrorCode.CANNOT_BEFRIEND_SELF, "You cannot send a friend request to yourself");
        }
        PairLock.LockedPair pair = pairLock.lock(meId, target.getId());
        User me = pair.first();
        if (blocks.existsEitherWay(meId, target.getId())) {
            throw new ApiException(ErrorCode.BLOCKED, "You cannot send a friend request to this user");
        }
        if (friendships.existsByUserIdAndFriendId(meId, target.getId())) {
            throw new ApiException(ErrorCode.ALREADY_FRIENDS, "You are already friends with " + username);
        }
        if (pendingRequest(meId, target.getId()).isPresent()) {
            throw new ApiException(ErrorCode.REQUEST_ALREADY_PENDING, "You already asked " + username);
        }
        Optional<FriendRequest> theirs = pendingRequest(target.getId(), meId);
        if (theirs.isPresent()) {
            befriend(theirs.get(), target, me);
            return FriendViews.Request.of(theirs.get(), target, me);
        }
        FriendRequest request = requests.save(new FriendRequest(meId, target.getId(), clock.instant()));
        notify(target, FriendEvent.Type.REQUEST_RECEIVED, request, me);
        return FriendViews.Request.of(request, me, target);
    }

    @Transactional(readOnly = true)
    List<FriendViews.Request> pending(long meId, Direction direction) {
        List<FriendRequest> found = direction == Direction.INCOMING
                ? requests.findByToUserIdAndStatusOrderByCreatedAtDescIdDesc(meId, FriendRequest.Status.PENDING)
                : requests.findByFromUserIdAndStatusOrderByCreatedAtDescIdDesc(meId, FriendRequest.Status.PENDING);
        Map<Long, User> byId = users.byIds(found.stream()
                .flatMap(r -> Stream.of(r.getFromUserId(), r.getToUserId())).distinct().toList());
        return found.stream()
                .map(r -> FriendViews.Request.of(r, byId.get(r.getFromUserId()), byId.get(r.getToUserId())))
                .toList();
    }

    /** The recipient accepts: both become friends. */
    FriendViews.Request accept(long meId, long requestId) {
        Answerable answerable = answerable(requestId, meId, FriendRequest::getToUserId);
        befriend(answerable.request(), answerable.from(), answerable.to());
        return answerable.view();
    }

    /** The recipient declines; the sender may ask again later. */
    FriendViews.Request reject(long meId, long requestId) {
        Answerable answerable = answerable(requestId, meId, FriendRequest::getToUserId);
        answerable.request().answer(FriendRequest.Status.REJECTED, clock.instant());
        notify(answerable.from(), FriendEvent.Type.REQUEST_REJECTED, answerable.request(), answerable.to());
        return answerable.view();
    }

    /** The sender withdraws their request. */
    void cancel(long meId, long requestId) {
        Answerable answerable = answerable(requestId, meId, FriendRequest::getFromUserId);
        answerable.request().answer(FriendRequest.Status.CANCELLED, clock.instant());
        notify(answerable.to(), FriendEvent.Type.REQUEST_CANCELLED, answerable.request(), answerable.from());
    }

    private void befriend(FriendRequest request, User from, User to) {
        request.answer(FriendRequest.Status.ACCEPTED, clock.instant());
        friendships.save(new Friendship(from.getId(), to.getId(), clock.instant()));
        friendships.save(new Friendship(to.getId(), from.getId(), clock.instant()));
        events.publishEvent(new RelationChanged(from.getId(), to.getId()));
        notify(from, FriendEvent.Type.REQUEST_ACCEPTED, request, to);
    }

    /** A pending request as it is under the pair lock, if {@code meId} is the party that may answer it. */
    private Answerable answerable(long requestId, long meId, ToLongFunction<FriendRequest> partyAllowed) {
        FriendRequest request = requests.findById(requestId)
                .filter(r -> partyAllowed.applyAsLong(r) == meId)
                .orElseThrow(() -> new ApiException(ErrorCode.FRIEND_REQUEST_NOT_FOUND, "No such friend request"));
        PairLock.LockedPair pair = pairLock.lockParties(request);
        if (!request.isPending()) {
            throw new ApiException(ErrorCode.REQUEST_NOT_PENDING,
                    "The friend request was already " + request.getStatus().name().toLowerCase(Locale.ROOT));
        }
        return new Answerable(request, pair.first(), pair.second());
    }

    private record Answerable(FriendRequest request, User from, User to) {

        FriendViews.Request view() {
            return FriendViews.Request.of(request, from, to);
        }
    }

    private Optional<FriendRequest> pendingRequest(long fromUserId, long toUserId) {
        return requests.findFirstByFromUserIdAndToUserIdAndStatus(fromUserId, toUserId, FriendRequest.Status.PENDING);
    }

    private void notify(User recipient, FriendEvent.Type type, FriendRequest request, User actor) {
        events.publishEvent(new FriendNotice(recipient.getId(), type, request.getId(), UserViews.Public.of(actor)));
    }
}
