package io.parley.bench.traffic;

import static org.assertj.core.api.Assertions.assertThat;

import io.parley.protocol.Frame;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SendOrderTest {

    private final List<Long> wire = new ArrayList<>();
    private final List<Runnable> timers = new ArrayList<>();
    private final List<Long> delays = new ArrayList<>();
    private final SendOrder order = new SendOrder(frame -> wire.add(frame.getRef()), (task, delay) -> {
        timers.add(task);
        delays.add(delay);
    }, new SplittableRandom(3));

    @Test
    void withoutRefusalsEveryMessageGoesStraightOut() {
        order.send(frame(1));
        order.send(frame(2));
        order.answered(1);
        order.send(frame(3));

        assertThat(wire).containsExactly(1L, 2L, 3L);
        assertThat(timers).isEmpty();
    }

    @Test
    void messagesWrittenWhileARefusedOneWaitsFollowItOnceItIsAcked() {
        order.send(frame(1));
        order.refused(frame(1));
        order.send(frame(2));
        order.send(frame(3));
        assertThat(wire).containsExactly(1L);
        assertThat(order.held()).isEqualTo(2);

        fireTimer();
        assertThat(wire).containsExactly(1L, 1L);

        order.answered(1);
        assertThat(wire).containsExactly(1L, 1L, 2L, 3L);
        assertThat(order.held()).isZero();
        order.send(frame(4));
        assertThat(wire).endsWith(4L);
    }

    @Test
    void aMessageRefusedAgainWaitsLongerAndKeepsTheOthersHeld() {
        order.send(frame(1));
        order.refused(frame(1));
        order.send(frame(2));
        fireTimer();
        order.refused(frame(1));
        fireTimer();
        order.refused(frame(1));

        assertThat(delays.get(0)).isBetween(10L, 20L);
        assertThat(delays.get(1)).isBetween(20L, 40L);
        assertThat(delays.get(2)).isBetween(40L, 80L);
        assertThat(wire).containsExactly(1L, 1L, 1L);
        assertThat(order.held()).isEqualTo(1);
    }

    @Test
    void afterTheHeldMessagesGoOutTheNextRefusalWaitsTheFirstDelayAgain() {
        order.send(frame(1));
        order.refused(frame(1));
        fireTimer();
        order.refused(frame(1));
        fireTimer();
        order.answered(1);
        order.send(frame(2));
        order.refused(frame(2));

        assertThat(delays.get(2)).isBetween(10L, 20L);
    }

    @Test
    void messagesRefusedTogetherAreSentAgainTogetherInTheOrderTheyWereWritten() {
        order.send(frame(1));
        order.send(frame(2));
        order.send(frame(3));
        order.refused(frame(3));
        order.refused(frame(1));
        order.send(frame(4));
        assertThat(timers).hasSize(1);

        fireTimer();
        assertThat(wire).containsExactly(1L, 2L, 3L, 1L, 3L);

        order.answered(2);
        order.answered(1);
        assertThat(order.held()).isEqualTo(1);
        order.answered(3);
        assertThat(wire).containsExactly(1L, 2L, 3L, 1L, 3L, 4L);
    }

    @Test
    void aRetriedMessageRefusedForGoodAlsoReleasesTheHeldOnes() {
        order.send(frame(1));
        order.refused(frame(1));
        order.send(frame(2));
        fireTimer();

        order.answered(1);

        assertThat(wire).containsExactly(1L, 1L, 2L);
    }

    private void fireTimer() {
        timers.get(timers.size() - 1).run();
    }

    private static Frame frame(long ref) {
        return Frame.newBuilder().setRef(ref).build();
    }
}
