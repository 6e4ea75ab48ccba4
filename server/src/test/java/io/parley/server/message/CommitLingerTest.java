package io.parley.server.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import io.parley.protocol.ChatMessage;
import io.parley.server.auth.AuthenticatedUser;
import io.parley.server.delivery.DevicePush;
import io.parley.server.delivery.ErrorReplies;
import io.parley.server.user.UserCard;
import io.parley.server.user.UserDirectory;
import io.parley.server.web.ErrorMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** How long the writer holds a batch open for later sends to share its commit. */
class CommitLingerTest {

    private static final UserCard ALICE = new UserCard(1, "00000000-0000-4000-8000-00000000000a", "alice", "Alice", null);

    @Test
    void unsetItIsTwoMillisecondsOnH2AndNoneOnMariaDb() {
        MessageProperties unset = properties(2, null);

        assertThat(unset.commitLingerOn("jdbc:h2:file:./data/db/parley;MODE=MySQL")).isEqualTo(Duration.ofMillis(2));
        assertThat(unset.commitLingerOn("jdbc:mariadb://127.0.0.1:3306/parley")).isZero();
        assertThat(unset.commitLingerOn("")).isZero();
    }

    @Test
    void setItIsWhatWasSetOnAnyDatabase() {
        MessageProperties set = properties(2, Duration.ofMillis(5));

        assertThat(set.commitLingerOn("jdbc:h2:mem:x")).isEqualTo(Duration.ofMillis(5));
        assertThat(set.commitLingerOn("jdbc:mariadb://db/parley")).isEqualTo(Duration.ofMillis(5));
    }

    @Test
    void aSendArrivingBeforeTheDeadlineJoinsTheBatch() throws Exception {
        WriterStripe stripe = stripe(2);
        List<PendingSend> batch = new ArrayList<>(List.of(send("first")));

        // The deadline is far off; the batch fills (at most 2) with the send that arrives meanwhile.
        CompletableFuture<Void> gathering = CompletableFuture.runAsync(() -> gather(stripe, batch,
                System.nanoTime() + TimeUnit.MINUTES.toNanos(1)));
        assertThat(stripe.offer(send("second"))).isTrue();
        gathering.get(30, TimeUnit.SECONDS);

        assertThat(batch).extracting(s -> s.body().getClientMessageId()).containsExactly("first", "second");
    }

    @Test
    void aBatchWhoseDeadlinePassedTakesNothingMore() throws Exception {
        WriterStripe stripe = stripe(10);
        List<PendingSend> batch = new ArrayList<>(List.of(send("first")));
        assertThat(stripe.offer(send("queued"))).isTrue();

        stripe.gather(batch, System.nanoTime() - 1);

        assertThat(batch).hasSize(1);
    }

    private static void gather(WriterStripe stripe, List<PendingSend> batch, long deadline) {
        try {
            stripe.gather(batch, deadline);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static WriterStripe stripe(int maxBatch) {
        WriterStripe stripe = new WriterStripe(properties(maxBatch, Duration.ZERO), new InMemoryMessageStore(),
                mock(SendPolicy.class), mock(UserDirectory.class), new DevicePush(userId -> List.of()),
                new ErrorReplies(new ErrorMetrics(new SimpleMeterRegistry())), new MessageMetrics(new SimpleMeterRegistry()),
                Clock.systemUTC());
        stripe.open(Runnable::run);
        return stripe;
    }

    private static MessageProperties properties(int maxBatch, Duration linger) {
        return new MessageProperties(1, maxBatch, 100, 1000, 200, 1000, 1, Duration.ofMinutes(2), Duration.ofSeconds(1),
                linger);
    }

    private static PendingSend send(String clientId) {
        ChatMessage body = ChatMessage.newBuilder().setClientMessageId(clientId).setTo(ALICE.uuid()).build();
        return new PendingSend(new WriterStripeTest.FakeDevice(ALICE), 1, new AuthenticatedUser(1, ALICE.uuid(), "alice"),
                body, "d:a:b", System.nanoTime());
    }
}
