package io.parley.server.group;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.parley.server.support.ApiClient.Account;
import io.parley.server.support.ApiClient.Response;
import io.parley.server.support.GroupApi;
import io.parley.server.support.OnH2;
import io.parley.server.support.OnMariaDb;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What owners and admins may do to members, and what they may not. */
abstract class GroupModerationTests extends GroupTest {

    Account admin;
    Account otherAdmin;
    Account member;
    Account otherMember;
    String id;

    @BeforeEach
    void aGroupWithTwoAdminsAndTwoMembers() {
        admin = friendOfOwner("admin");
        otherAdmin = friendOfOwner("admin2");
        member = friendOfOwner("member");
        otherMember = friendOfOwner("member2");
        id = groups.createOk(owner, "OPEN", admin, otherAdmin, member, otherMember);
        groups.promote(owner, id, admin);
        groups.promote(owner, id, otherAdmin);
    }

    @Test
    void adminsKickMembersAndOnlyTheOwnerKicksAdmins() {
        assertRefused(groups.kick(member, id, otherMember), 403, "NOT_GROUP_ADMIN");
        assertRefused(groups.kick(admin, id, otherAdmin), 403, "NOT_GROUP_OWNER");
        assertRefused(groups.kick(admin, id, owner), 403, "NOT_GROUP_OWNER");
        assertRefused(groups.kick(admin, id, admin), 400, "CANNOT_TARGET_SELF");
        assertRefused(groups.kick(owner, id, owner), 400, "CANNOT_TARGET_SELF");
        assertRefused(groups.kick(admin, id, signUp("outsider")), 404, "NOT_A_MEMBER");
        assertRefused(api.delete("/api/v1/groups/" + id + "/members/" + UUID.randomUUID(), admin.accessToken()), 404,
                "NOT_A_MEMBER");
        assertRefused(api.delete("/api/v1/groups/" + id + "/members/nobody", admin.accessToken()), 400,
                "MALFORMED_REQUEST");
        assertRefused(groups.kick(signUp("outsider"), id, member), 403, "NOT_GROUP_ADMIN");

        assertThat(groups.kick(admin, id, member).status()).isEqualTo(204);
        assertThat(groups.kick(owner, id, otherAdmin).status()).isEqualTo(204);

        assertThat(GroupApi.memberIds(groups.members(owner, id)))
                .containsExactlyInAnyOrder(owner.id(), admin.id(), otherMember.id());
        assertThat(conversationMembers(id)).doesNotContain(internalId(member), internalId(otherAdmin));
        assertRefused(groups.members(member, id), 404, "GROUP_NOT_FOUND");
        assertRefused(groups.kick(admin, id, member), 404, "NOT_A_MEMBER");
        assertThat(membership.snapshot(id).orElseThrow().isMember(internalId(member))).isFalse();
    }

    @Test
    void onlyMembersSeeTheMemberList() {
        assertRefused(groups.members(signUp("outsider"), id), 404, "GROUP_NOT_FOUND");
        assertRefused(groups.members(owner, UUID.randomUUID().toString()), 404, "GROUP_NOT_FOUND");
        assertRefused(groups.members(owner, "12345"), 400, "MALFORMED_REQUEST");
        Response list = groups.members(otherMember, id);
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body().valueStream().map(m -> m.path("role").asString()))
                .containsExactly("OWNER", "ADMIN", "ADMIN", "MEMBER", "MEMBER");
        assertThat(list.body().path(0).path("online").asBoolean()).isFalse();
        assertThat(list.body().path(0).path("username").asString()).isEqualTo(owner.username());
    }

    @Test
    void membersAreMutedForAWhileOrUntilUnmuted() {
        long memberId = internalId(member);
        Response muted = groups.mute(admin, id, member, 10);
        assertThat(muted.status()).isEqualTo(200);
        assertThat(muted.body().path("muted").asBoolean()).isTrue();
        Instant until = Instant.parse(muted.body().path("mutedUntil").asString());
        assertThat(until).isCloseTo(Instant.now().plus(10, ChronoUnit.MINUTES), within(1, ChronoUnit.MINUTES));
        assertThat(membership.snapshot(id).orElseThrow().members().get(memberId).mutedUntil()).isEqualTo(until);
        assertThat(membership.snapshot(id).orElseThrow().whyCannotSpeak(memberId, Instant.now())).contains("MEMBER_MUTED");
        assertThat(membership.snapshot(id).orElseThrow().whyCannotSpeak(memberId, until)).isEmpty();

        Response forever = groups.mute(owner, id, member, null);
        assertThat(forever.body().path("muted").asBoolean()).isTrue();
        assertThat(forever.body().path("mutedUntil").isNull()).isTrue();
        assertThat(membership.snapshot(id).orElseThrow().members().get(memberId).mutedUntil())
                .isEqualTo(GroupSnapshot.Member.UNTIL_UNMUTED);
        Response listed = groups.members(member, id);
        assertThat(listed.body().valueStream().filter(m -> m.path("id").asString().equals(member.id()))
                .findFirst().orElseThrow().path("muted").asBoolean()).isTrue();

        assertThat(groups.unmute(admin, id, member).status()).isEqualTo(204);
        assertThat(groups.unmute(admin, id, member).status()).as("idempotent").isEqualTo(204);
        assertThat(membership.snapshot(id).orElseThrow().whyCannotSpeak(memberId, Instant.now())).isEmpty();

        assertRefused(groups.mute(otherMember, id, member, 5), 403, "NOT_GROUP_ADMIN");
        assertRefused(groups.mute(admin, id, otherAdmin, 5), 403, "NOT_GROUP_OWNER");
        assertRefused(groups.unmute(admin, id, otherAdmin), 403, "NOT_GROUP_OWNER");
        assertRefused(groups.mute(admin, id, owner, 5), 403, "NOT_GROUP_OWNER");
        assertRefused(groups.mute(owner, id, owner, 5), 400, "CANNOT_TARGET_SELF");
        assertRefused(groups.mute(owner, id, signUp("outsider"), 5), 404, "NOT_A_MEMBER");
        assertThat(groups.mute(owner, id, otherAdmin, 5).status()).as("the owner mutes admins").isEqualTo(200);
        assertThat(membership.snapshot(id).orElseThrow().whyCannotSpeak(internalId(otherAdmin), Instant.now()))
                .contains("MEMBER_MUTED");

        String url = "/api/v1/groups/" + id + "/members/" + member.id() + "/mute";
        assertRefused(groups.mute(owner, id, member, 0), 400, "VALIDATION_FAILED");
        assertRefused(groups.mute(owner, id, member, 525_601), 400, "VALIDATION_FAILED");
        assertThat(groups.mute(owner, id, member, 525_600).status()).isEqualTo(200);
        assertRefused(api.put(url, owner.accessToken(), Map.of("minutes", "soon")), 400, "MALFORMED_REQUEST");
        assertRefused(api.put(url, null, Map.of("minutes", 5)), 401, "UNAUTHENTICATED");
    }

    @Test
    void aMuteWithoutABodyLastsUntilUnmuted() {
        Response muted = api.put("/api/v1/groups/" + id + "/members/" + member.id() + "/mute", owner.accessToken(), null);

        assertThat(muted.status()).isEqualTo(200);
        assertThat(muted.body().path("muted").asBoolean()).isTrue();
        assertThat(muted.body().path("mutedUntil").isNull()).isTrue();
        assertThat(membership.snapshot(id).orElseThrow().members().get(internalId(member)).mutedUntil())
                .isEqualTo(GroupSnapshot.Member.UNTIL_UNMUTED);
    }

    @Test
    void wrongJsonTypesAreMalformedAndChangeNothing() {
        String base = "/api/v1/groups/" + id + "/members/" + member.id();
        for (String body : new String[] {"{\"minutes\":\"5\"}", "{\"minutes\":5.5}", "{\"minutes\":true}"}) {
            assertRefused(api.put(base + "/mute", owner.accessToken(), body), 400, "MALFORMED_REQUEST");
        }
        assertRefused(api.put(base + "/role", owner.accessToken(), "{\"role\":1}"), 400, "MALFORMED_REQUEST");

        GroupSnapshot.Member unchanged = membership.snapshot(id).orElseThrow().members().get(internalId(member));
        assertThat(unchanged.mutedUntil()).isNull();
        assertThat(unchanged.mayModerate()).isFalse();
    }

    @Test
    void onlyTheOwnerChangesRoles() {
        assertRefused(groups.setRole(otherMember, id, member, "ADMIN"), 403, "NOT_GROUP_OWNER");
        Response promoted = groups.setRole(owner, id, member, "ADMIN");
        assertThat(promoted.status()).isEqualTo(200);
        assertThat(promoted.body().path("role").asString()).isEqualTo("ADMIN");
        assertThat(membership.snapshot(id).orElseThrow().members().get(internalId(member)).mayModerate()).isTrue();
        assertThat(groups.kick(member, id, otherMember).status()).as("now an admin").isEqualTo(204);

        assertRefused(groups.setRole(admin, id, otherAdmin, "MEMBER"), 403, "NOT_GROUP_OWNER");
        assertRefused(groups.setRole(owner, id, owner, "ADMIN"), 400, "CANNOT_TARGET_SELF");
        Response toOwner = groups.setRole(owner, id, admin, "OWNER");
        assertRefused(toOwner, 400, "VALIDATION_FAILED");
        assertThat(toOwner.body().path("fields").findValuesAsString("field")).containsExactly("role");
        assertRefused(groups.setRole(owner, id, admin, "KING"), 400, "MALFORMED_REQUEST");
        assertRefused(groups.setRole(owner, id, signUp("outsider"), "ADMIN"), 404, "NOT_A_MEMBER");

        Response demoted = groups.setRole(owner, id, admin, "MEMBER");
        assertThat(demoted.body().path("role").asString()).isEqualTo("MEMBER");
        assertRefused(groups.kick(admin, id, member), 403, "NOT_GROUP_ADMIN");
    }

    @OnH2
    static class OnH2Test extends GroupModerationTests {
    }

    @OnMariaDb
    static class OnMariaDbTest extends GroupModerationTests {
    }
}
