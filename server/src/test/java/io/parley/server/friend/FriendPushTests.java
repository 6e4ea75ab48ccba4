package io.parley.server.friend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.parley.protocol.FriendEvent;
import io.parley.protocol.Frame;
import io.parley.server.delivery.SessionDirectory;
import io.parley.server.gateway.GatewayServer;
import io.parley.server.support.ApiClient;
import io.parley.server.support.FriendApi;
import io.parley.server.support.ApiClient.Account;
import io.parley.server.support.OnH2;
import io.parley.server.support.OnMariaDb;
import io.parley.server.support.ServerTest;
import io.parley.server.support.WsClient;
import io.parley.server.user.UserRepository;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * FriendEvent pushes over real WebSocket connections: every device of the other party hears about a request
 * and its answer, blocks tell the blocked user nothing, and the friend list shows who is connected.
 */
abstract class FriendPushTests extends ServerTest {

    @Autowired
    GatewayServer gateway;

    @Autowired
    SessionDirectory sessions;

    @Autowired
    UserRepository users;

    FriendApi friends;
    Account alice;
    Account bob;
    private final List<WsClient> clients = new ArrayList<>();

    @BeforeEach
    void twoUsers() {
        friends = new FriendApi(api);
        alice = api.signUp(ApiClient.uniqueName("alice"));
        bob = api.signUp(ApiClient.uniqueName("bob"));
    }

    @AfterEach
    void closeClients() {
        clients.forEach(WsClient::close);
    }

    @Test
    void requestReachesEveryDeviceAndTheAcceptReachesTheSender() throws IOException {
        assertThat(api.upload("/api/v1/users/me/avatar", alice.accessToken(), "file", "me.png", "image/png",
                onePixelPng()).status()).isEqualTo(200);
        WsClient bobPhone = connect(bob, "phone");
        WsClient bobLaptop = connect(bob, "laptop");
        WsClient aliceWeb = connect(alice, "web");

        long requestId = friends.requestOk(alice, bob);
        for (WsClient device : List.of(bobPhone, bobLaptop)) {
            FriendEvent received = nextFriendEvent(device);
            assertThat(received.getType()).isEqualTo(FriendEvent.Type.REQUEST_RECEIVED);
            assertThat(received.getRequestId()).isEqualTo(requestId);
            assertThat(received.getUser().getUserId()).isEqualTo(alice.id());
            assertThat(received.getUser().getUsername()).isEqualTo(alice.username());
            assertThat(received.getUser().getNickname()).isEqualTo("Nick " + alice.username());
            assertThat(received.getUser().getAvatar()).isEqualTo("/api/v1/users/" + alice.id() + "/avatar");
        }
        // Pushed after the commit: a client reacting to the push already finds the request.
        assertThat(FriendApi.requestIds(friends.incoming(bob))).containsExactly(requestId);

        assertThat(friends.accept(bob, requestId).status()).isEqualTo(200);
        FriendEvent accepted = nextFriendEvent(aliceWeb);
        assertThat(accepted.getType()).isEqualTo(FriendEvent.Type.REQUEST_ACCEPTED);
        assertThat(accepted.getRequestId()).isEqualTo(requestId);
        assertThat(accepted.getUser().getUserId()).isEqualTo(bob.id());
        assertThat(accepted.getUser().getUsername()).isEqualTo(bob.username());
        assertThat(accepted.getUser().getAvatar()).isEmpty();

        assertThat(friendOnline(alice)).isTrue();
        assertThat(friendOnline(bob)).isTrue();
        bobPhone.close();
        assertThat(friendOnline(alice)).isTrue();   // the laptop is still connected
        bobLaptop.close();
        await().atMost(WsClient.TIMEOUT).until(() -> !friendOnline(alice));
    }

    @Test
    void rejectionWithdrawalAndRemovalAreToldToTheOtherParty() {
        WsClient aliceWeb = connect(alice, "web");
        WsClient bobWeb = connect(bob, "web");

        long first = friends.requestOk(alice, bob);
        assertThat(nextFriendEvent(bobWeb).getType()).isEqualTo(FriendEvent.Type.REQUEST_RECEIVED);
        assertThat(friends.reject(bob, first).status()).isEqualTo(200);
        FriendEvent rejected = nextFriendEvent(aliceWeb);
        assertThat(rejected.getType()).isEqualTo(FriendEvent.Type.REQUEST_REJECTED);
        assertThat(rejected.getRequestId()).isEqualTo(first);
        assertThat(rejected.getUser().getUserId()).isEqualTo(bob.id());

        long second = friends.requestOk(alice, bob);
        assertThat(friends.request(alice, bob.username()).code()).isEqualTo("REQUEST_ALREADY_PENDING");
        assertThat(friends.cancel(alice, second).status()).isEqualTo(204);
        FriendEvent received = nextFriendEvent(bobWeb);
        assertThat(received.getType()).isEqualTo(FriendEvent.Type.REQUEST_RECEIVED);
        assertThat(received.getRequestId()).isEqualTo(second);
        FriendEvent cancelled = nextFriendEvent(bobWeb);   // the refused duplicate pushed nothing in between
        assertThat(cancelled.getType()).isEqualTo(FriendEvent.Type.REQUEST_CANCELLED);
        assertThat(cancelled.getRequestId()).isEqualTo(second);
        assertThat(cancelled.getUser().getUserId()).isEqualTo(alice.id());

        // A request sent back accepts theirs: the original sender hears REQUEST_ACCEPTED for their request.
        long third = friends.requestOk(bob, alice);
        assertThat(nextFriendEvent(aliceWeb).getType()).isEqualTo(FriendEvent.Type.REQUEST_RECEIVED);
        assertThat(friends.request(alice, bob.username()).body().path("status").asString()).isEqualTo("ACCEPTED");
        FriendEvent accepted = nextFriendEvent(bobWeb);
        assertThat(accepted.getType()).isEqualTo(FriendEvent.Type.REQUEST_ACCEPTED);
        assertThat(accepted.getRequestId()).isEqualTo(third);
        assertThat(accepted.getUser().getUserId()).isEqualTo(alice.id());

        assertThat(friends.unfriend(bob, alice.id()).status()).isEqualTo(204);
        FriendEvent removed = nextFriendEvent(aliceWeb);
        assertThat(removed.getType()).isEqualTo(FriendEvent.Type.FRIEND_REMOVED);
        assertThat(removed.getRequestId()).isZero();
        assertThat(removed.getUser().getUserId()).isEqualTo(bob.id());
    }

    @Test
    void blockingTellsTheBlockedUserNothing() {
        Account carol = api.signUp(ApiClient.uniqueName("carol"));
        friends.befriend(alice, bob);
        WsClient aliceWeb = connect(alice, "web");
        long pendingToBob = friends.requestOk(bob, carol);

        assertThat(friends.block(bob, alice.id()).status()).isEqualTo(204);   // ends their friendship
        assertThat(friends.block(carol, bob.id()).status()).isEqualTo(204);   // withdraws bob's request
        assertThat(friends.accept(carol, pendingToBob).code()).isEqualTo("REQUEST_NOT_PENDING");

        // The first event alice gets is carol's request, sent after the block: the block pushed nothing.
        long fromCarol = friends.requestOk(carol, alice);
        FriendEvent next = nextFriendEvent(aliceWeb);
        assertThat(next.getType()).isEqualTo(FriendEvent.Type.REQUEST_RECEIVED);
        assertThat(next.getRequestId()).isEqualTo(fromCarol);
    }

    private WsClient connect(Account account, String deviceId) {
        WsClient client = WsClient.connect(gateway.port(), account.accessToken(), deviceId, null);
        clients.add(client);
        client.welcome();
        long userId = users.findByUuid(account.id()).orElseThrow().getId();
        await().atMost(WsClient.TIMEOUT).until(() -> sessions.devicesOf(userId).stream()
                .anyMatch(device -> device.deviceId().equals(deviceId)));
        return client;
    }

    private static byte[] onePixelPng() throws IOException {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB), "png", png);
        return png.toByteArray();
    }

    private static FriendEvent nextFriendEvent(WsClient device) {
        return device.await(Frame.KindCase.FRIEND_EVENT).getFriendEvent();
    }

    /** Whether the account's one friend shows as online in its friend list. */
    private boolean friendOnline(Account account) {
        var list = friends.friends(account).body();
        assertThat(list.size()).isEqualTo(1);
        return list.path(0).path("online").asBoolean();
    }

    @OnH2
    static class OnH2Test extends FriendPushTests {
    }

    @OnMariaDb
    static class OnMariaDbTest extends FriendPushTests {
    }
}
