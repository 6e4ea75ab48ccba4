package io.parley.server.group;

import static org.assertj.core.api.Assertions.assertThat;

import io.parley.server.support.ApiClient.Account;
import io.parley.server.support.ApiClient.Response;
import io.parley.server.support.GroupApi;
import io.parley.server.support.OnH2;
import io.parley.server.support.OnMariaDb;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The ban list: who may ban whom, and that a banned user stays out by every way in until the ban is lifted. */
abstract class GroupBanTests extends GroupTest {

    Account admin;
    Account otherAdmin;
    Account member;
    String id;

    @BeforeEach
    void anOpenGroupWithTwoAdminsAndAMember() {
        admin = friendOfOwner("admin");
        otherAdmin = friendOfOwner("admin2");
        member = friendOfOwner("member");
        id = groups.createOk(owner, "OPEN", admin, otherAdmin, member);
        groups.promote(owner, id, admin);
        groups.promote(owner, id, otherAdmin);
    }

    @Test
    void aBannedMemberIsRemovedAndCannotJoinAgainUntilTheBanIsLifted() {
        Response banned = groups.ban(admin, id, member);

        assertThat(banned.status()).isEqualTo(200);
        assertThat(banned.body().path("user").path("id").asString()).isEqualTo(member.id());
        assertThat(banned.body().path("user").path("username").asString()).isEqualTo(member.username());
        assertThat(banned.body().path("bannedBy").path("id").asString()).isEqualTo(admin.id());
        assertThat(banned.body().path("bannedAt").asString()).isNotEmpty();
        assertThat(GroupApi.memberIds(groups.members(owner, id)))
                .containsExactlyInAnyOrder(owner.id(), admin.id(), otherAdmin.id());
        assertThat(conversationMembers(id)).doesNotContain(internalId(member));
        assertThat(membership.snapshot(id).orElseThrow().isMember(internalId(member))).isFalse();
        assertRefused(groups.join(member, id), 403, "BANNED_FROM_GROUP");
        assertRefused(groups.members(member, id), 404, "GROUP_NOT_FOUND");

        Response again = groups.ban(otherAdmin, id, member);
        assertThat(again.status()).as("banning a banned user answers the ban there is").isEqualTo(200);
        assertThat(again.body().path("bannedBy").path("id").asString()).isEqualTo(admin.id());
        assertThat(groups.bans(owner, id).body().size()).isEqualTo(1);

        assertThat(groups.unban(otherAdmin, id, member).status()).isEqualTo(204);
        assertThat(groups.unban(otherAdmin, id, member).status()).as("idempotent").isEqualTo(204);
        assertThat(groups.bans(owner, id).body().size()).isZero();
        assertThat(GroupApi.memberIds(groups.members(owner, id))).as("lifting a ban adds nobody back")
                .doesNotContain(member.id());
        assertThat(groups.join(member, id).status()).isEqualTo(200);
        assertThat(membership.snapshot(id).orElseThrow().isMember(internalId(member))).isTrue();
    }

    @Test
    void bansFollowTheRulesOfRemovingMembers() {
        Account outsider = signUp("outsider");
        assertRefused(groups.ban(member, id, outsider), 403, "NOT_GROUP_ADMIN");
        assertRefused(groups.ban(outsider, id, member), 403, "NOT_GROUP_ADMIN");
        assertRefused(groups.ban(admin, id, otherAdmin), 403, "NOT_GROUP_OWNER");
        assertRefused(groups.ban(admin, id, owner), 403, "NOT_GROUP_OWNER");
        assertRefused(groups.ban(admin, id, admin), 400, "CANNOT_TARGET_SELF");
        assertRefused(groups.ban(owner, id, owner), 400, "CANNOT_TARGET_SELF");
        assertThat(groups.bans(owner, id).body().size()).as("no refused ban was kept").isZero();

        assertThat(groups.ban(owner, id, otherAdmin).status()).as("the owner bans an admin").isEqualTo(200);
        assertThat(GroupApi.memberIds(groups.members(owner, id))).doesNotContain(otherAdmin.id());
        assertThat(groups.ban(admin, id, outsider).status()).as("an admin bans a user who is not a member")
                .isEqualTo(200);
        Response list = groups.bans(admin, id);
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body().valueStream().map(b -> b.path("user").path("id").asString()))
                .as("the latest ban first").containsExactly(outsider.id(), otherAdmin.id());
        assertThat(list.body().path(0).path("bannedBy").path("id").asString()).isEqualTo(admin.id());
        assertRefused(groups.join(outsider, id), 403, "BANNED_FROM_GROUP");

        assertRefused(groups.bans(member, id), 403, "NOT_GROUP_ADMIN");
        assertRefused(groups.unban(member, id, outsider), 403, "NOT_GROUP_ADMIN");
        assertRefused(groups.bans(owner, UUID.randomUUID().toString()), 404, "GROUP_NOT_FOUND");
    }

    @Test
    void aBanWithdrawsTheWaysInAndRefusesNewOnes() {
        Account asker = signUp("asker");
        Account invitee = friendOfOwner("invitee");
        String approval = groups.createOk(owner, "APPROVAL", member);
        long request = groups.join(asker, approval).body().path("request").path("id").asLong();
        long invitation = groups.inviteOk(owner, approval, invitee);

        assertThat(groups.ban(owner, approval, asker).status()).isEqualTo(200);
        assertThat(groups.ban(owner, approval, invitee).status()).isEqualTo(200);

        assertThat(groups.requests(owner, approval).body().size()).as("the request was withdrawn").isZero();
        assertRefused(groups.approve(owner, approval, request), 409, "REQUEST_NOT_PENDING");
        assertThat(groups.invitations(invitee).body().size()).as("the invitation was withdrawn").isZero();
        assertRefused(groups.acceptInvitation(invitee, invitation), 409, "REQUEST_NOT_PENDING");
        assertRefused(groups.join(asker, approval), 403, "BANNED_FROM_GROUP");
        assertRefused(groups.join(invitee, approval), 403, "BANNED_FROM_GROUP");
        assertRefused(groups.invite(owner, approval, invitee), 403, "BANNED_FROM_GROUP");
        assertThat(GroupApi.memberIds(groups.members(owner, approval)))
                .containsExactlyInAnyOrder(owner.id(), member.id());
    }

    @Test
    void badRequestsAreRefusedAndChangeNothing() {
        String url = "/api/v1/groups/" + id + "/bans/";
        assertRefused(api.put(url + member.id(), null, null), 401, "UNAUTHENTICATED");
        assertRefused(api.get("/api/v1/groups/" + id + "/bans", null), 401, "UNAUTHENTICATED");
        assertRefused(api.delete(url + member.id(), "not-a-token"), 401, "UNAUTHENTICATED");
        assertRefused(api.put(url + "nobody", owner.accessToken(), null), 400, "MALFORMED_REQUEST");
        assertRefused(api.put("/api/v1/groups/12345/bans/" + member.id(), owner.accessToken(), null), 400,
                "MALFORMED_REQUEST");
        assertRefused(api.put(url + UUID.randomUUID(), owner.accessToken(), null), 404, "USER_NOT_FOUND");
        assertRefused(api.delete(url + UUID.randomUUID(), owner.accessToken()), 404, "USER_NOT_FOUND");
        assertRefused(api.put(url + "x".repeat(2_000), owner.accessToken(), null), 400, "MALFORMED_REQUEST");
        assertRefused(api.put("/api/v1/groups/" + UUID.randomUUID() + "/bans/" + member.id(), owner.accessToken(),
                null), 404, "GROUP_NOT_FOUND");
        assertRefused(api.post(url + member.id(), owner.accessToken(), null), 405, "METHOD_NOT_ALLOWED");

        assertThat(groups.dissolve(owner, id).status()).isEqualTo(204);
        assertRefused(groups.ban(owner, id, member), 404, "GROUP_NOT_FOUND");
        assertRefused(groups.bans(owner, id), 404, "GROUP_NOT_FOUND");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM group_bans b JOIN chat_groups g ON g.id = b.group_id"
                + " WHERE g.uuid = ?", Long.class, id)).as("no refused ban was kept").isZero();
    }

    @OnH2
    static class OnH2Test extends GroupBanTests {
    }

    @OnMariaDb
    static class OnMariaDbTest extends GroupBanTests {
    }
}
