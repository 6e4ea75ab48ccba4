package io.parley.server.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.parley.protocol.ChatMessage;
import io.parley.protocol.Frame;
import io.parley.server.support.ApiClient;
import io.parley.server.support.Chat;
import io.parley.server.support.FriendApi;
import io.parley.server.support.OnH2;
import io.parley.server.support.WsClient;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * The gateway's socket layer: Linux's epoll through Netty's native library by default, the JDK's selector when
 * {@code parley.gateway.native-transport=false} (or where the native library does not load). Either way a
 * device is answered on its own connection and gets what others send it.
 */
abstract class GatewayTransportTests extends GatewayTest {

    abstract String expectedTransport();

    @Test
    void theGatewayRunsOnTheExpectedSocketLayer() {
        assertThat(gateway.transportName()).isEqualTo(expectedTransport());
    }

    @Test
    void aDeviceIsAnsweredAndGetsWhatItsFriendSends() {
        ApiClient.Account alice = signUp("tr_alice");
        ApiClient.Account bob = signUp("tr_bob");
        new FriendApi(api).befriend(alice, bob);
        WsClient alicePhone = connect(alice);
        WsClient bobPhone = connect(bob);
        alicePhone.welcome();
        bobPhone.welcome();
        alicePhone.ping(7);

        alicePhone.send(Chat.text(8, bob, "tr-1", "over " + expectedTransport()));

        assertThat(alicePhone.await(Frame.KindCase.ACK).getRef()).isEqualTo(8);
        ChatMessage received = bobPhone.await(Frame.KindCase.DELIVER).getDeliver().getMessage();
        assertThat(received.getContent()).isEqualTo("over " + expectedTransport());
        assertThat(received.getFrom()).isEqualTo(alice.id());
    }

    /** Netty ships its epoll library for Linux on x86-64, which is where Parley's tests run. */
    @OnH2
    static class NativeByDefaultTest extends GatewayTransportTests {
        @Override
        String expectedTransport() {
            assumeTrue(System.getProperty("os.name").equals("Linux")
                    && System.getProperty("os.arch").matches("amd64|x86_64"), "Netty's epoll library is for Linux x86-64");
            return "epoll";
        }
    }

    @OnH2
    @TestPropertySource(properties = "parley.gateway.native-transport=false")
    static class JdkSelectorWhenNativeIsOffTest extends GatewayTransportTests {
        @Override
        String expectedTransport() {
            return "nio";
        }
    }
}
