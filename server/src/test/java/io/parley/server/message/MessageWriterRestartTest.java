package io.parley.server.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.parley.protocol.ChatMessage;
import io.parley.server.auth.AuthenticatedUser;
import io.parley.server.delivery.DevicePush;
import io.parley.server.delivery.ErrorReplies;
import io.parley.server.friend.FriendGraph;
import io.parley.server.group.GroupMembership;
import io.parley.server.user.UserCard;
import io.parley.server.user.UserDirectory;
import org.springframework.boot.health.contributor.Status;
import io.parley.server.web.ErrorMetrics;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A stopped writer (a context paused or stopping) refuses sends; started again, it takes them again. */
class MessageWriterRestartTest {

    @Test
    void acceptsSendsAgainAfterAStopAndAStart() {
        MessageProperties properties = new MessageProperties(2, 10, 10, 10, 10, 10, 1, Duration.ofMinutes(2), Duration.ofSeconds(1), Duration.ZERO);
        MessageWriter writer = new MessageWriter(properties, new InMemoryMessageStore(), mock(UserDirectory.class),
                mock(FriendGraph.class), mock(GroupMembership.class), new DevicePush(userId -> List.of()),
                new ErrorReplies(new ErrorMetrics(new SimpleMeterRegistry())), new MessageMetrics(new SimpleMeterRegistry()),
                Clock.systemUTC(), "jdbc:h2:mem:test");
        PendingSend send = new PendingSend(new WriterStripeTest.FakeDevice(
                new UserCard(1, "u", "u", "u", null)), 1,
                new AuthenticatedUser(1, "u", "u"), ChatMessage.getDefaultInstance(), "d:a:b", System.nanoTime());

        assertThat(writer.submit(send)).as("not started yet").isPresent();
        writer.start();
        writer.stop();
        assertThat(writer.submit(send)).as("stopped").isPresent();
        writer.start();
        assertThat(writer.submit(send)).as("started again").isEmpty();
        writer.stop();
    }

    /** A writer thread ended by an Error its batch loop does not catch turns the writer's health DOWN. */
    @Test
    void aWriterThreadEndedByAnErrorTurnsItsHealthDown() {
        UserDirectory users = mock(UserDirectory.class);
        when(users.byUuid(anyString())).thenThrow(new StackOverflowError("thrown by the test"));
        MessageWriter writer = new MessageWriter(new MessageProperties(1, 10, 10, 10, 10, 10, 1, Duration.ofMinutes(2),
                Duration.ofSeconds(1), Duration.ZERO), new InMemoryMessageStore(), users, mock(FriendGraph.class),
                mock(GroupMembership.class), new DevicePush(userId -> List.of()),
                new ErrorReplies(new ErrorMetrics(new SimpleMeterRegistry())), new MessageMetrics(new SimpleMeterRegistry()),
                Clock.systemUTC(), "jdbc:h2:mem:test");
        MessageWriterHealthIndicator health = new MessageWriterHealthIndicator(writer);
        writer.start();
        assertThat(health.health().getStatus()).isEqualTo(Status.UP);

        assertThat(writer.submit(new PendingSend(new WriterStripeTest.FakeDevice(new UserCard(1, "u", "u", "u", null)), 1,
                new AuthenticatedUser(1, "u", "u"), ChatMessage.newBuilder().setTo("v").build(), "d:u:v",
                System.nanoTime()))).isEmpty();

        await().atMost(Duration.ofSeconds(10)).until(() -> health.health().getStatus().equals(Status.DOWN));
        writer.stop();
    }
}
