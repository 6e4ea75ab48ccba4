package io.parley.server.group;

import static org.assertj.core.api.Assertions.assertThat;

import io.parley.server.support.ApiClient.Account;
import io.parley.server.support.ApiClient.Response;
import io.parley.server.support.GroupApi;
import io.parley.server.support.OnH2;
import io.parley.server.support.OnMariaDb;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** Creating, finding, describing, muting, handing over and dissolving groups, and their avatars. */
abstract class GroupLifecycleTests extends GroupTest {

    @Test
    void theCreatorOwnsTheGroupAndFriendsAreMembersOfItAndItsConversation() {
        Account ann = friendOfOwner("ann");
        Account ben = friendOfOwner("ben");
        Map<String, Object> body = new HashMap<>();
        body.put("name", "  Book club  ");
        body.put("notice", " Chapter 3 by Friday ");
        body.put("joinPolicy", "APPROVAL");
        body.put("memberIds", List.of(ann.id(), ben.id(), ann.id(), owner.id()));   // repeats and self ignored

        Response created = api.post("/api/v1/groups", owner.accessToken(), body);

        assertThat(created.status()).isEqualTo(201);
        String id = created.body().path("id").asString();
        assertThat(UUID.fromString(id).toString()).isEqualTo(id);
        assertThat(created.body().path("name").asString()).isEqualTo("Book club");
        assertThat(created.body().path("notice").asString()).isEqualTo("Chapter 3 by Friday");
        assertThat(created.body().path("joinPolicy").asString()).isEqualTo("APPROVAL");
        assertThat(created.body().path("allMuted").asBoolean()).isFalse();
        assertThat(created.body().path("memberCount").asLong()).isEqualTo(3);
        assertThat(created.body().path("myRole").asString()).isEqualTo("OWNER");
        assertThat(created.body().path("avatarUrl").isNull()).isTrue();
        assertThat(created.body().path("createdAt").asString()).isNotBlank();

        Response members = groups.members(ann, id);
        assertThat(members.status()).isEqualTo(200);
        assertThat(GroupApi.memberIds(members).get(0)).isEqualTo(owner.id());
        assertThat(GroupApi.memberIds(members)).containsExactlyInAnyOrder(owner.id(), ann.id(), ben.id());
        assertThat(members.body().path(0).path("role").asString()).isEqualTo("OWNER");
        assertThat(members.body().path(1).path("role").asString()).isEqualTo("MEMBER");
        assertThat(members.body().path(1).path("muted").asBoolean()).isFalse();
        assertThat(conversationMembers(id)).containsExactlyInAnyOrder(internalId(owner), internalId(ann), internalId(ben));

        assertThat(groups.get(ben, id).body().path("myRole").asString()).isEqualTo("MEMBER");
        Response seenByStranger = groups.get(signUp("stranger"), id);
        assertThat(seenByStranger.status()).isEqualTo(200);
        assertThat(seenByStranger.body().path("myRole").isNull()).isTrue();
        assertThat(seenByStranger.body().path("memberCount").asLong()).isEqualTo(3);
        assertThat(GroupApi.ids(groups.mine(ann))).containsExactly(id);
    }

    @Test
    void onlyFriendsAndExistingUsersCanBeAddedAtCreation() {
        Account friend = friendOfOwner("friend");
        Account stranger = signUp("stranger");

        Response notFriend = groups.create(owner, "g", "OPEN", friend, stranger);
        assertThat(notFriend.status()).isEqualTo(404);
        assertThat(notFriend.code()).isEqualTo("NOT_FRIENDS");

        Response unknown = api.post("/api/v1/groups", owner.accessToken(), Map.of("name", "g", "joinPolicy", "OPEN",
                "memberIds", List.of(UUID.randomUUID().toString())));
        assertThat(unknown.code()).isEqualTo("USER_NOT_FOUND");
        assertThat(groups.mine(owner).body().size()).isZero();
        assertThat(groups.mine(friend).body().size()).isZero();
    }

    @Test
    void aBadCreationIsRefusedWithItsReasonAndCreatesNothing() {
        String url = "/api/v1/groups";
        String token = owner.accessToken();
        assertValidation(api.post(url, token, Map.of("name", "   ", "joinPolicy", "OPEN")), "name");
        assertValidation(api.post(url, token, Map.of("name", "x".repeat(65), "joinPolicy", "OPEN")), "name");
        assertValidation(api.post(url, token, Map.of("name", "g", "notice", "n".repeat(1025), "joinPolicy", "OPEN")),
                "notice");
        assertValidation(api.post(url, token, Map.of("name", "g")), "joinPolicy");
        assertThat(api.post(url, token, Map.of("name", "g", "joinPolicy", "SECRET")).code()).isEqualTo("MALFORMED_REQUEST");
        assertThat(api.post(url, token, Map.of("name", "g", "joinPolicy", "OPEN", "memberIds", List.of("bob"))).code())
                .isEqualTo("MALFORMED_REQUEST");
        assertThat(api.post(url, token, "{\"name\": \"g\", ").code()).isEqualTo("MALFORMED_REQUEST");
        assertThat(api.post(url, token, "[]").code()).isEqualTo("MALFORMED_REQUEST");
        Response noToken = api.post(url, null, Map.of("name", "g", "joinPolicy", "OPEN"));
        assertThat(noToken.status()).isEqualTo(401);
        assertThat(noToken.code()).isEqualTo("UNAUTHENTICATED");
        assertThat(groups.mine(owner).body().size()).isZero();

        // The longest valid name and notice fit the table.
        Response longest = api.post(url, token, Map.of("name", "é".repeat(64), "notice", "ü".repeat(1024),
                "joinPolicy", "OPEN"));
        assertThat(longest.status()).isEqualTo(201);
        assertThat(longest.body().path("notice").asString()).hasSize(1024);
    }

    @Test
    void searchFindsGroupsByNameIgnoringCaseAndPages() {
        String word = "Zebra" + UUID.randomUUID().toString().substring(0, 8);
        for (String name : List.of(word + " one", "the " + word.toLowerCase() + " two", word.toUpperCase() + " three")) {
            api.post("/api/v1/groups", owner.accessToken(), Map.of("name", name, "joinPolicy", "INVITE_ONLY"));
        }
        Account other = signUp("other");

        Response all = groups.search(other, word.toLowerCase());
        assertThat(all.status()).isEqualTo(200);
        assertThat(all.body().path("total").asLong()).isEqualTo(3);
        assertThat(all.body().path("items").valueStream().map(g -> g.path("name").asString()))
                .containsExactlyInAnyOrder(word.toUpperCase() + " three", word + " one", "the " + word.toLowerCase() + " two");
        assertThat(all.body().path("items").path(0).path("myRole").isNull()).isTrue();
        assertThat(all.body().path("items").path(0).path("memberCount").asLong()).isEqualTo(1);

        Response second = api.get("/api/v1/groups?q=" + word + "&page=1&size=2", other.accessToken());
        assertThat(second.body().path("items").size()).isEqualTo(1);
        assertThat(second.body().path("page").asInt()).isEqualTo(1);
        assertThat(groups.search(other, "%25").body().path("items").size())
                .as("% is a character to find, not a wildcard").isZero();

        assertThat(api.get("/api/v1/groups", other.accessToken()).code()).isEqualTo("VALIDATION_FAILED");
        assertThat(api.get("/api/v1/groups?q=" + "a".repeat(65), other.accessToken()).code()).isEqualTo("VALIDATION_FAILED");
        assertThat(api.get("/api/v1/groups?q=a&size=51", other.accessToken()).code()).isEqualTo("VALIDATION_FAILED");
        assertThat(api.get("/api/v1/groups?q=a&page=-1", other.accessToken()).code()).isEqualTo("VALIDATION_FAILED");
        assertThat(api.get("/api/v1/groups?q=a&page=x", other.accessToken()).code()).isEqualTo("MALFORMED_REQUEST");
        assertThat(api.get("/api/v1/groups?q=a", null).status()).isEqualTo(401);
    }

    @Test
    void ownersAndAdminsRenameAndMuteTheGroupMembersMayNot() {
        Account admin = friendOfOwner("admin");
        Account member = friendOfOwner("member");
        String id = groups.createOk(owner, "OPEN", admin, member);
        groups.promote(owner, id, admin);

        Response renamed = groups.change(admin, id, Map.of("name", " Renamed ", "notice", "Be kind"));
        assertThat(renamed.status()).isEqualTo(200);
        assertThat(renamed.body().path("name").asString()).isEqualTo("Renamed");
        assertThat(renamed.body().path("notice").asString()).isEqualTo("Be kind");
        assertThat(renamed.body().path("myRole").asString()).isEqualTo("ADMIN");
        Response noticeOnly = groups.change(owner, id, Map.of("notice", ""));
        assertThat(noticeOnly.body().path("name").asString()).isEqualTo("Renamed");
        assertThat(noticeOnly.body().path("notice").asString()).isEmpty();

        assertRefused(groups.change(member, id, Map.of("name", "Mine now")), 403, "NOT_GROUP_ADMIN");
        assertRefused(groups.change(signUp("outsider"), id, Map.of("name", "Mine now")), 403, "NOT_GROUP_ADMIN");
        assertValidation(groups.change(owner, id, Map.of("name", " ")), "name");
        assertValidation(groups.change(owner, id, Map.of("name", "n".repeat(65))), "name");
        assertValidation(groups.change(owner, id, Map.of("notice", "n".repeat(1025))), "notice");
        assertThat(api.patch("/api/v1/groups/" + id, owner.accessToken(), "{\"name\": 5").code()).isEqualTo("MALFORMED_REQUEST");
        assertThat(groups.get(member, id).body().path("name").asString()).isEqualTo("Renamed");

        Response muted = groups.muteAll(admin, id);
        assertThat(muted.status()).isEqualTo(200);
        assertThat(muted.body().path("allMuted").asBoolean()).isTrue();
        assertThat(groups.muteAll(admin, id).status()).as("idempotent").isEqualTo(200);
        assertRefused(groups.muteAll(member, id), 403, "NOT_GROUP_ADMIN");
        assertRefused(groups.unmuteAll(member, id), 403, "NOT_GROUP_ADMIN");
        assertThat(groups.get(member, id).body().path("allMuted").asBoolean()).isTrue();
        assertThat(groups.unmuteAll(owner, id).status()).isEqualTo(204);
        assertThat(groups.get(member, id).body().path("allMuted").asBoolean()).isFalse();
    }

    @Test
    void theOwnerHandsOverAndMayThenLeave() {
        Account admin = friendOfOwner("admin");
        Account member = friendOfOwner("member");
        String id = groups.createOk(owner, "OPEN", admin, member);
        groups.promote(owner, id, admin);

        assertRefused(groups.leave(owner, id), 409, "OWNER_MUST_TRANSFER");
        assertRefused(groups.transfer(admin, id, member), 403, "NOT_GROUP_OWNER");
        assertRefused(groups.transfer(member, id, admin), 403, "NOT_GROUP_OWNER");
        assertRefused(groups.transfer(owner, id, signUp("outsider")), 404, "NOT_A_MEMBER");
        assertRefused(groups.transfer(owner, id, owner), 400, "CANNOT_TARGET_SELF");
        assertThat(api.post("/api/v1/groups/" + id + "/transfer", owner.accessToken(), Map.of("userId", "x")).code())
                .isEqualTo("MALFORMED_REQUEST");
        assertValidation(api.post("/api/v1/groups/" + id + "/transfer", owner.accessToken(), Map.of()), "userId");

        Response transferred = groups.transfer(owner, id, member);
        assertThat(transferred.status()).isEqualTo(200);
        assertThat(transferred.body().path("myRole").asString()).isEqualTo("ADMIN");
        assertThat(groups.get(member, id).body().path("myRole").asString()).isEqualTo("OWNER");
        assertRefused(groups.leave(member, id), 409, "OWNER_MUST_TRANSFER");

        assertThat(groups.leave(owner, id).status()).isEqualTo(204);
        assertThat(GroupApi.memberIds(groups.members(member, id))).containsExactly(member.id(), admin.id());
        assertThat(groups.get(owner, id).body().path("myRole").isNull()).isTrue();
        assertThat(conversationMembers(id)).containsExactlyInAnyOrder(internalId(member), internalId(admin));
    }

    @Test
    void aDissolvedGroupIsGoneForEverythingButItsHistory() {
        Account admin = friendOfOwner("admin");
        Account member = friendOfOwner("member");
        Account invitee = friendOfOwner("invitee");
        String name = "Dissolving" + UUID.randomUUID().toString().substring(0, 8);
        String id = api.post("/api/v1/groups", owner.accessToken(), Map.of("name", name, "joinPolicy", "OPEN",
                "memberIds", List.of(admin.id(), member.id()))).body().path("id").asString();
        groups.promote(owner, id, admin);
        groups.inviteOk(owner, id, invitee);

        assertRefused(groups.dissolve(admin, id), 403, "NOT_GROUP_OWNER");
        assertRefused(groups.dissolve(member, id), 403, "NOT_GROUP_OWNER");
        assertThat(groups.dissolve(owner, id).status()).isEqualTo(204);

        assertRefused(groups.get(owner, id), 404, "GROUP_NOT_FOUND");
        assertRefused(groups.members(member, id), 404, "GROUP_NOT_FOUND");
        assertRefused(groups.join(signUp("late"), id), 404, "GROUP_NOT_FOUND");
        assertRefused(groups.dissolve(owner, id), 404, "GROUP_NOT_FOUND");
        assertRefused(groups.leave(member, id), 404, "GROUP_NOT_FOUND");
        assertThat(groups.search(owner, name).body().path("total").asLong()).isZero();
        assertThat(groups.mine(owner).body().size()).isZero();
        assertThat(groups.mine(member).body().size()).isZero();
        assertThat(groups.invitations(invitee).body().size()).as("pending invitations withdrawn").isZero();

        // Members keep the conversation, so they can read its history; nobody can send.
        assertThat(conversationMembers(id)).containsExactlyInAnyOrder(internalId(owner), internalId(admin),
                internalId(member));
        GroupSnapshot snapshot = membership.snapshot(id).orElseThrow();
        assertThat(snapshot.dissolved()).isTrue();
        assertThat(snapshot.whyCannotSpeak(internalId(owner), Instant.now())).contains("GROUP_DISSOLVED");
        assertThat(membership.groupIdsOf(internalId(member))).contains(id);
    }

    @Test
    void adminsSetTheAvatarWhichAnyoneMayFetch() throws IOException {
        Account member = friendOfOwner("member");
        String id = groups.createOk(owner, "OPEN", member);
        String upload = "/api/v1/groups/" + id + "/avatar";
        byte[] png = png();

        assertRefused(api.get(upload, null), 404, "NOT_FOUND");
        assertRefused(api.upload(upload, member.accessToken(), "file", "a.png", "image/png", png), 403, "NOT_GROUP_ADMIN");
        assertRefused(api.upload(upload, owner.accessToken(), "file", "a.png", "image/png",
                "<html><script>alert(1)</script>".getBytes()), 415, "UNSUPPORTED_MEDIA_TYPE");
        assertRefused(api.upload(upload, owner.accessToken(), "file", "a.png", "image/png",
                new byte[2 * 1024 * 1024 + 1]), 413, "PAYLOAD_TOO_LARGE");
        assertRefused(api.upload(upload, owner.accessToken(), "other", "a.png", "image/png", png), 400,
                "MALFORMED_REQUEST");
        assertThat(api.upload(upload, null, "file", "a.png", "image/png", png).status()).isEqualTo(401);

        Response uploaded = api.upload(upload, owner.accessToken(), "file", "a.gif", "image/gif", png);
        assertThat(uploaded.status()).isEqualTo(200);
        assertThat(uploaded.body().path("avatarUrl").asString()).isEqualTo(upload);
        assertThat(groups.get(member, id).body().path("avatarUrl").asString()).isEqualTo(upload);
        assertThat(membership.snapshot(id).orElseThrow().avatarUrl()).isEqualTo(upload);

        Response served = api.get(upload, null);
        assertThat(served.status()).isEqualTo(200);
        assertThat(served.raw().body()).isEqualTo(png);
        assertThat(served.header("Content-Type")).isEqualTo("image/png");
        assertThat(served.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(served.header("Content-Disposition")).startsWith("inline");
        String etag = served.header("ETag");
        assertThat(api.send(api.request(upload, null).header("If-None-Match", etag).GET()).status()).isEqualTo(304);
        assertRefused(api.get("/api/v1/groups/" + UUID.randomUUID() + "/avatar", null), 404, "GROUP_NOT_FOUND");
        assertRefused(api.get("/api/v1/groups/not-a-uuid/avatar", null), 400, "MALFORMED_REQUEST");

        groups.dissolve(owner, id);
        assertRefused(api.get(upload, null), 404, "GROUP_NOT_FOUND");
    }

    private static void assertValidation(Response response, String field) {
        assertRefused(response, 400, "VALIDATION_FAILED");
        assertThat(response.body().path("fields").findValuesAsString("field")).contains(field);
    }

    private static byte[] png() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(2, 2, BufferedImage.TYPE_INT_RGB), "png", out);
        return out.toByteArray();
    }

    @OnH2
    static class OnH2Test extends GroupLifecycleTests {
    }

    @OnMariaDb
    static class OnMariaDbTest extends GroupLifecycleTests {
    }
}
