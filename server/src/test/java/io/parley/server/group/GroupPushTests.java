package io.parley.server.group;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.parley.protocol.Frame;
import io.parley.protocol.GroupEvent;
import io.parley.protocol.GroupEvent.Type;
import io.parley.server.delivery.SessionDirectory;
import io.parley.server.gateway.GatewayServer;
import io.parley.server.support.ApiClient.Account;
import io.parley.server.support.OnH2;
import io.parley.server.support.OnMariaDb;
import io.parley.server.support.WsClient;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * GroupEvent pushes over real WebSocket connections: each change reaches exactly the users it concerns. That
 * nobody else heard of a change is shown by the next event they do get being a later one.
 */
abstract class GroupPushTests extends GroupTest {

    @Autowired
    GatewayServer gateway;

    @Autowired
    SessionDirectory sessions;

    private final List<WsClient> clients = new ArrayList<>();

    @AfterEach
    void closeClients() {
        clients.forEach(WsClient::close);
    }

    @Test
    void creationAndJoiningAreToldToTheMembers() {
        Account ann = friendOfOwner("ann");
        Account outsider = friendOfOwner("outsider");
        Account walkIn = signUp("walkin");
        WsClient ownerPhone = device(owner, "phone");
        WsClient ownerLaptop = device(owner, "laptop");
        WsClient annWeb = device(ann, "web");
        WsClient outsiderWeb = device(outsider, "web");
        WsClient walkInWeb = device(walkIn, "web");

        String id = groups.createOk(owner, "OPEN", ann);
        for (WsClient device : List.of(ownerPhone, ownerLaptop, annWeb)) {
            GroupEvent created = next(device, Type.CREATED);
            assertThat(created.getGroup().getGroupId()).isEqualTo(id);
            assertThat(created.getGroup().getName()).startsWith("group_");
            assertThat(created.getActor().getUserId()).isEqualTo(owner.id());
            assertThat(created.getActor().getUsername()).isEqualTo(owner.username());
        }

        groups.joinOk(walkIn, id);
        for (WsClient device : List.of(ownerPhone, ownerLaptop, annWeb, walkInWeb)) {
            GroupEvent joined = next(device, Type.MEMBER_JOINED);
            assertThat(joined.getTarget().getUserId()).isEqualTo(walkIn.id());
            assertThat(joined.getActor().getUserId()).isEqualTo(walkIn.id());
        }
        // Pushed after the commit: a client reacting to the push already sees the new member.
        assertThat(groups.get(walkIn, id).body().path("memberCount").asLong()).isEqualTo(3);

        long invitation = groups.inviteOk(owner, id, outsider);
        GroupEvent invited = next(outsiderWeb, Type.INVITED);   // the first the outsider hears of the group
        assertThat(invited.getRequestId()).isEqualTo(invitation);
        assertThat(invited.getActor().getUserId()).isEqualTo(owner.id());
        assertThat(invited.getTarget().getUserId()).isEqualTo(outsider.id());
    }

    @Test
    void joinRequestsGoToTheOwnerAndAdminsAndTheAnswerToTheAsker() {
        Account admin = friendOfOwner("admin");
        Account member = friendOfOwner("member");
        Account asker = signUp("asker");
        String id = groups.createOk(owner, "APPROVAL", admin, member);
        groups.promote(owner, id, admin);
        WsClient ownerWeb = device(owner, "web");
        WsClient adminWeb = device(admin, "web");
        WsClient memberWeb = device(member, "web");
        WsClient askerWeb = device(asker, "web");

        long first = groups.join(asker, id).body().path("request").path("id").asLong();
        for (WsClient device : List.of(ownerWeb, adminWeb)) {
            GroupEvent requested = next(device, Type.JOIN_REQUESTED);
            assertThat(requested.getRequestId()).isEqualTo(first);
            assertThat(requested.getTarget().getUserId()).isEqualTo(asker.id());
        }
        groups.reject(admin, id, first);
        GroupEvent rejected = next(askerWeb, Type.JOIN_REJECTED);
        assertThat(rejected.getRequestId()).isEqualTo(first);
        assertThat(rejected.getActor().getUserId()).isEqualTo(admin.id());

        long second = groups.join(asker, id).body().path("request").path("id").asLong();
        assertThat(next(ownerWeb, Type.JOIN_REQUESTED).getRequestId()).isEqualTo(second);
        assertThat(next(adminWeb, Type.JOIN_REQUESTED).getRequestId()).isEqualTo(second);
        groups.approve(owner, id, second);
        for (WsClient device : List.of(ownerWeb, adminWeb, memberWeb, askerWeb)) {
            GroupEvent joined = next(device, Type.MEMBER_JOINED);   // the member heard of no request
            assertThat(joined.getTarget().getUserId()).isEqualTo(asker.id());
            assertThat(joined.getActor().getUserId()).isEqualTo(owner.id());
        }
    }

    @Test
    void moderationIsToldToEveryMemberAndAKickToTheKicked() {
        Account admin = friendOfOwner("admin");
        Account member = friendOfOwner("member");
        Account victim = friendOfOwner("victim");
        Account outsider = friendOfOwner("outsider");
        String id = groups.createOk(owner, "OPEN", admin, member, victim);
        groups.promote(owner, id, admin);
        WsClient ownerWeb = device(owner, "web");
        WsClient adminWeb = device(admin, "web");
        WsClient memberWeb = device(member, "web");
        WsClient victimWeb = device(victim, "web");
        WsClient outsiderWeb = device(outsider, "web");
        List<WsClient> everyone = List.of(ownerWeb, adminWeb, memberWeb, victimWeb);

        Instant until = Instant.parse(groups.mute(admin, id, member, 5).body().path("mutedUntil").asString());
        for (GroupEvent muted : nextOnAll(everyone, Type.MEMBER_MUTED)) {
            assertThat(muted.getTarget().getUserId()).isEqualTo(member.id());
            assertThat(muted.getActor().getUserId()).isEqualTo(admin.id());
            assertThat(muted.getMutedUntil()).isEqualTo(until.toEpochMilli());
            assertThat(until).isAfter(Instant.now().plus(4, ChronoUnit.MINUTES));
        }
        groups.mute(admin, id, member, null);
        nextOnAll(everyone, Type.MEMBER_MUTED).forEach(e -> assertThat(e.getMutedUntil()).isZero());
        groups.unmute(owner, id, member);
        nextOnAll(everyone, Type.MEMBER_UNMUTED).forEach(e -> assertThat(e.getTarget().getUserId()).isEqualTo(member.id()));

        groups.muteAll(admin, id);
        nextOnAll(everyone, Type.GROUP_MUTED);
        groups.unmuteAll(admin, id);
        nextOnAll(everyone, Type.GROUP_UNMUTED);

        groups.setRole(owner, id, member, "ADMIN");
        for (GroupEvent changed : nextOnAll(everyone, Type.ROLE_CHANGED)) {
            assertThat(changed.getRole()).isEqualTo("ADMIN");
            assertThat(changed.getTarget().getUserId()).isEqualTo(member.id());
        }
        groups.change(admin, id, Map.of("name", "New name", "notice", "New notice"));
        for (GroupEvent updated : nextOnAll(everyone, Type.UPDATED)) {
            assertThat(updated.getGroup().getName()).isEqualTo("New name");
            assertThat(updated.getGroup().getNotice()).isEqualTo("New notice");
        }

        groups.kick(owner, id, victim);
        for (GroupEvent kicked : nextOnAll(everyone, Type.MEMBER_KICKED)) {
            assertThat(kicked.getTarget().getUserId()).isEqualTo(victim.id());
            assertThat(kicked.getActor().getUserId()).isEqualTo(owner.id());
        }
        List<WsClient> remaining = List.of(ownerWeb, adminWeb, memberWeb);
        groups.leave(admin, id);
        nextOnAll(remaining, Type.MEMBER_LEFT).forEach(e -> assertThat(e.getTarget().getUserId()).isEqualTo(admin.id()));
        groups.transfer(owner, id, member);
        nextOnAll(List.of(ownerWeb, memberWeb), Type.OWNER_CHANGED)
                .forEach(e -> assertThat(e.getTarget().getUserId()).isEqualTo(member.id()));

        // The kicked user and the one who left hear nothing more of the group.
        long invitation = groups.inviteOk(owner, id, victim);
        assertThat(next(victimWeb, Type.INVITED).getRequestId()).isEqualTo(invitation);
        groups.dissolve(member, id);
        nextOnAll(List.of(ownerWeb, memberWeb), Type.DISSOLVED);
        String other = groups.createOk(owner, "OPEN", admin, outsider);
        assertThat(next(adminWeb, Type.CREATED).getGroup().getGroupId()).isEqualTo(other);
        assertThat(next(outsiderWeb, Type.CREATED).getGroup().getGroupId()).as("the outsider heard nothing before")
                .isEqualTo(other);
    }

    @Test
    void aBanIsToldToTheMembersAndToTheMemberItRemoved() {
        Account admin = friendOfOwner("admin");
        Account member = friendOfOwner("member");
        Account outsider = signUp("outsider");
        String id = groups.createOk(owner, "OPEN", admin, member);
        groups.promote(owner, id, admin);
        WsClient ownerWeb = device(owner, "web");
        WsClient adminWeb = device(admin, "web");
        WsClient memberWeb = device(member, "web");
        WsClient outsiderWeb = device(outsider, "web");

        assertThat(groups.ban(admin, id, member).status()).isEqualTo(200);
        for (GroupEvent banned : nextOnAll(List.of(ownerWeb, adminWeb, memberWeb), Type.MEMBER_BANNED)) {
            assertThat(banned.getTarget().getUserId()).isEqualTo(member.id());
            assertThat(banned.getActor().getUserId()).isEqualTo(admin.id());
            assertThat(banned.getGroup().getGroupId()).isEqualTo(id);
        }
        assertThat(groups.ban(admin, id, member).status()).as("banned already: nothing pushed").isEqualTo(200);

        // A user who is not a member is banned too; the members hear of it, the user does not.
        assertThat(groups.ban(owner, id, outsider).status()).isEqualTo(200);
        nextOnAll(List.of(ownerWeb, adminWeb), Type.MEMBER_BANNED)
                .forEach(e -> assertThat(e.getTarget().getUserId()).isEqualTo(outsider.id()));
        assertThat(groups.unban(owner, id, member).status()).isEqualTo(204);

        groups.change(owner, id, Map.of("name", "After the bans"));
        nextOnAll(List.of(ownerWeb, adminWeb), Type.UPDATED);
        String other = groups.createOk(owner, "OPEN", member);
        assertThat(next(memberWeb, Type.CREATED).getGroup().getGroupId())
                .as("the banned member heard neither the second ban, nor the unban, nor the update").isEqualTo(other);
        groups.joinOk(outsider, other);
        assertThat(next(outsiderWeb, Type.MEMBER_JOINED).getGroup().getGroupId())
                .as("the banned outsider heard nothing of the ban").isEqualTo(other);
    }

    private WsClient device(Account account, String deviceId) {
        WsClient client = WsClient.connect(gateway.port(), account.accessToken(), deviceId, null);
        clients.add(client);
        client.welcome();
        long userId = internalId(account);
        await().atMost(WsClient.TIMEOUT).until(() -> sessions.devicesOf(userId).stream()
                .anyMatch(device -> device.deviceId().equals(deviceId)));
        return client;
    }

    /** The device's next GroupEvent, which must be of {@code type}. */
    private static GroupEvent next(WsClient device, Type type) {
        GroupEvent event = device.await(Frame.KindCase.GROUP_EVENT).getGroupEvent();
        assertThat(event.getType()).as("next group event: %s", event).isEqualTo(type);
        return event;
    }

    private static List<GroupEvent> nextOnAll(List<WsClient> devices, Type type) {
        return devices.stream().map(device -> next(device, type)).toList();
    }

    @OnH2
    static class OnH2Test extends GroupPushTests {
    }

    @OnMariaDb
    static class OnMariaDbTest extends GroupPushTests {
    }
}
