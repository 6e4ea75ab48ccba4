package io.parley.server.group;

import static org.assertj.core.api.Assertions.assertThat;

import io.parley.server.support.ApiClient.Account;
import io.parley.server.support.ApiClient.Response;
import io.parley.server.support.GroupApi;
import io.parley.server.support.OnH2;
import io.parley.server.support.OnMariaDb;
import org.junit.jupiter.api.Test;

/** The ways into a group and out of it: open joins, join requests, invitations, leaving. */
abstract class GroupJoinTests extends GroupTest {

    @Test
    void anyoneJoinsAnOpenGroupAtOnce() {
        String id = groups.createOk(owner, "OPEN");
        Account walkIn = signUp("walkin");

        Response joined = groups.join(walkIn, id);

        assertThat(joined.status()).isEqualTo(200);
        assertThat(joined.body().path("request").isNull()).isTrue();
        assertThat(joined.body().path("group").path("myRole").asString()).isEqualTo("MEMBER");
        assertThat(joined.body().path("group").path("memberCount").asLong()).isEqualTo(2);
        assertThat(GroupApi.memberIds(groups.members(walkIn, id))).containsExactly(owner.id(), walkIn.id());
        assertThat(conversationMembers(id)).contains(internalId(walkIn));
        assertThat(membership.snapshot(id).orElseThrow().isMember(internalId(walkIn))).isTrue();
        assertThat(membership.groupIdsOf(internalId(walkIn))).containsExactly(id);
        assertRefused(groups.join(walkIn, id), 409, "ALREADY_MEMBER");
        assertRefused(groups.join(owner, id), 409, "ALREADY_MEMBER");
    }

    @Test
    void anInviteOnlyGroupCannotBeJoinedWithoutAnInvitation() {
        Account friend = friendOfOwner("friend");
        String id = groups.createOk(owner, "INVITE_ONLY");

        assertRefused(groups.join(friend, id), 403, "INVITE_ONLY");
        assertThat(GroupApi.memberIds(groups.members(owner, id))).containsExactly(owner.id());

        // With an invitation, joining accepts it.
        long invitation = groups.inviteOk(owner, id, friend);
        assertThat(groups.join(friend, id).status()).isEqualTo(200);
        assertRefused(groups.acceptInvitation(friend, invitation), 409, "REQUEST_NOT_PENDING");
        assertThat(GroupApi.memberIds(groups.members(owner, id))).containsExactly(owner.id(), friend.id());
    }

    @Test
    void anApprovalGroupAsksTheOwnerAndAdmins() {
        Account admin = friendOfOwner("admin");
        Account member = friendOfOwner("member");
        String id = groups.createOk(owner, "APPROVAL", admin, member);
        groups.promote(owner, id, admin);
        Account asker = signUp("asker");

        Response asked = groups.join(asker, id);
        assertThat(asked.status()).isEqualTo(202);
        long requestId = asked.body().path("request").path("id").asLong();
        assertThat(asked.body().path("request").path("status").asString()).isEqualTo("PENDING");
        assertThat(asked.body().path("request").path("kind").asString()).isEqualTo("REQUEST");
        assertThat(asked.body().path("request").path("user").path("id").asString()).isEqualTo(asker.id());
        assertThat(asked.body().path("request").path("group").path("id").asString()).isEqualTo(id);
        assertThat(asked.body().path("group").path("myRole").isNull()).isTrue();
        assertRefused(groups.join(asker, id), 409, "REQUEST_ALREADY_PENDING");
        assertRefused(groups.members(asker, id), 404, "GROUP_NOT_FOUND");

        assertRefused(groups.requests(member, id), 403, "NOT_GROUP_ADMIN");
        assertRefused(groups.requests(asker, id), 403, "NOT_GROUP_ADMIN");
        Response pending = groups.requests(admin, id);
        assertThat(pending.status()).isEqualTo(200);
        assertThat(pending.body().valueStream().map(r -> r.path("id").asLong())).containsExactly(requestId);

        assertRefused(groups.approve(member, id, requestId), 403, "NOT_GROUP_ADMIN");
        Response rejected = groups.reject(admin, id, requestId);
        assertThat(rejected.status()).isEqualTo(200);
        assertThat(rejected.body().path("status").asString()).isEqualTo("REJECTED");
        assertRefused(groups.approve(owner, id, requestId), 409, "REQUEST_NOT_PENDING");
        assertThat(groups.requests(owner, id).body().size()).isZero();

        long again = groups.join(asker, id).body().path("request").path("id").asLong();
        String otherGroup = groups.createOk(owner, "APPROVAL");
        assertRefused(groups.approve(owner, otherGroup, again), 404, "JOIN_REQUEST_NOT_FOUND");
        assertRefused(groups.approve(owner, id, again + 1000), 404, "JOIN_REQUEST_NOT_FOUND");
        assertRefused(api.post("/api/v1/groups/" + id + "/requests/abc/approve", owner.accessToken(), null), 400,
                "MALFORMED_REQUEST");
        Response approved = groups.approve(owner, id, again);
        assertThat(approved.status()).isEqualTo(200);
        assertThat(approved.body().path("status").asString()).isEqualTo("APPROVED");
        assertThat(groups.get(asker, id).body().path("myRole").asString()).isEqualTo("MEMBER");
        assertThat(conversationMembers(id)).contains(internalId(asker));
        assertRefused(groups.reject(owner, id, again), 409, "REQUEST_NOT_PENDING");
    }

    @Test
    void membersInviteFriendsWhoAcceptOrDecline() {
        Account member = friendOfOwner("member");
        String id = groups.createOk(owner, "INVITE_ONLY", member);
        Account membersFriend = signUp("mf");
        friends.befriend(member, membersFriend);
        Account ownersFriend = friendOfOwner("of");

        assertRefused(groups.invite(member, id, signUp("stranger")), 404, "NOT_FRIENDS");
        assertRefused(groups.invite(member, id, owner), 409, "ALREADY_MEMBER");
        assertRefused(groups.invite(member, id, member), 409, "ALREADY_MEMBER");
        assertRefused(groups.invite(membersFriend, id, member), 403, "NOT_GROUP_MEMBER");
        assertRefused(api.post("/api/v1/groups/" + id + "/invitations", member.accessToken(),
                java.util.Map.of("userId", java.util.UUID.randomUUID().toString())), 404, "USER_NOT_FOUND");

        Response invited = groups.invite(member, id, membersFriend);
        assertThat(invited.status()).isEqualTo(201);
        long invitation = invited.body().path("id").asLong();
        assertThat(invited.body().path("kind").asString()).isEqualTo("INVITATION");
        assertThat(invited.body().path("invitedBy").path("id").asString()).isEqualTo(member.id());
        assertThat(invited.body().path("user").path("id").asString()).isEqualTo(membersFriend.id());
        assertRefused(groups.invite(member, id, membersFriend), 409, "ALREADY_INVITED");

        Response mine = groups.invitations(membersFriend);
        assertThat(mine.body().valueStream().map(r -> r.path("id").asLong())).containsExactly(invitation);
        assertThat(mine.body().path(0).path("group").path("id").asString()).isEqualTo(id);
        assertThat(groups.invitations(member).body().size()).isZero();
        assertRefused(groups.acceptInvitation(member, invitation), 404, "INVITATION_NOT_FOUND");
        assertRefused(groups.declineInvitation(ownersFriend, invitation), 404, "INVITATION_NOT_FOUND");

        Response accepted = groups.acceptInvitation(membersFriend, invitation);
        assertThat(accepted.status()).isEqualTo(200);
        assertThat(accepted.body().path("status").asString()).isEqualTo("APPROVED");
        assertThat(GroupApi.memberIds(groups.members(owner, id))).contains(membersFriend.id());
        assertThat(conversationMembers(id)).contains(internalId(membersFriend));
        assertRefused(groups.acceptInvitation(membersFriend, invitation), 409, "REQUEST_NOT_PENDING");
        assertThat(groups.invitations(membersFriend).body().size()).isZero();

        long declined = groups.inviteOk(owner, id, ownersFriend);
        Response no = groups.declineInvitation(ownersFriend, declined);
        assertThat(no.status()).isEqualTo(200);
        assertThat(no.body().path("status").asString()).isEqualTo("REJECTED");
        assertThat(GroupApi.memberIds(groups.members(owner, id))).doesNotContain(ownersFriend.id());
        assertThat(groups.inviteOk(owner, id, ownersFriend)).as("may be invited again").isNotEqualTo(declined);
        assertRefused(groups.acceptInvitation(ownersFriend, 999_999_999L), 404, "INVITATION_NOT_FOUND");
        assertRefused(api.post("/api/v1/group-invitations/x/accept", ownersFriend.accessToken(), null), 400,
                "MALFORMED_REQUEST");
    }

    @Test
    void joiningAnyWayEndsTheOtherPendingWaysIn() {
        Account friend = friendOfOwner("friend");
        String id = groups.createOk(owner, "APPROVAL");
        long request = groups.join(friend, id).body().path("request").path("id").asLong();
        long invitation = groups.inviteOk(owner, id, friend);

        assertThat(groups.acceptInvitation(friend, invitation).status()).isEqualTo(200);

        assertThat(groups.requests(owner, id).body().size()).isZero();
        assertRefused(groups.approve(owner, id, request), 409, "REQUEST_NOT_PENDING");
    }

    @Test
    void membersLeaveAndNonMembersCannot() {
        Account member = friendOfOwner("member");
        String id = groups.createOk(owner, "OPEN", member);

        assertThat(groups.leave(member, id).status()).isEqualTo(204);

        assertThat(GroupApi.memberIds(groups.members(owner, id))).containsExactly(owner.id());
        assertThat(conversationMembers(id)).containsExactly(internalId(owner));
        assertThat(membership.snapshot(id).orElseThrow().isMember(internalId(member))).isFalse();
        assertThat(membership.groupIdsOf(internalId(member))).isEmpty();
        assertThat(groups.mine(member).body().size()).isZero();
        assertRefused(groups.leave(member, id), 403, "NOT_GROUP_MEMBER");
        assertRefused(groups.members(member, id), 404, "GROUP_NOT_FOUND");
        assertRefused(groups.leave(owner, id), 409, "OWNER_MUST_TRANSFER");
        assertThat(groups.join(member, id).status()).as("an open group may be joined again").isEqualTo(200);
    }

    @OnH2
    static class OnH2Test extends GroupJoinTests {
    }

    @OnMariaDb
    static class OnMariaDbTest extends GroupJoinTests {
    }
}
