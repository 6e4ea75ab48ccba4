package io.parley.bench.measure;

import static org.assertj.core.api.Assertions.assertThat;

import io.parley.protocol.ChatMessage;
import io.parley.protocol.SendAck;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class MessageLedgerTest {

    private final MessageLedger ledger = new MessageLedger(100_000, new Timeline(System.nanoTime()));

    private SendAck ack(int index, long seq) {
        return SendAck.newBuilder().setClientMessageId(ledger.clientMessageId(index)).setSeq(seq).build();
    }

    private ChatMessage message(int index, long seq) {
        return ChatMessage.newBuilder().setClientMessageId(ledger.clientMessageId(index)).setSeq(seq).build();
    }

    @Test
    void anAckedMessageOwesEachOfItsDevicesAReceiptInWhateverOrderTheyCome() {
        int receiptFirst = ledger.newMessage(2);
        int ackFirst = ledger.newMessage(2);
        ledger.received(message(receiptFirst, 1), 0, true);
        ledger.acked(ack(receiptFirst, 1), 0);
        ledger.acked(ack(ackFirst, 2), 0);
        ledger.received(message(ackFirst, 2), 0, true);

        MessageLedger.Outcome outcome = ledger.outcome();
        assertThat(outcome.acked()).isEqualTo(2);
        assertThat(outcome.delivered()).isEqualTo(2);
        assertThat(outcome.lost()).as("one device of each still waits").isEqualTo(2);

        ledger.received(message(receiptFirst, 1), 0, true);
        ledger.received(message(ackFirst, 2), 0, true);
        assertThat(ledger.outcome().lost()).isZero();
        assertThat(ledger.settled()).isTrue();
    }

    @Test
    void duplicatesAndUnackedReceiptsDoNotPayOffLoss() {
        int duplicated = ledger.newMessage(1);
        int neverAcked = ledger.newMessage(1);
        int lost = ledger.newMessage(1);
        ledger.acked(ack(duplicated, 1), 0);
        ledger.received(message(duplicated, 1), 0, true);
        ledger.received(message(duplicated, 1), 0, true);
        ledger.received(message(neverAcked, 2), 0, true);
        ledger.acked(ack(lost, 3), 0);

        MessageLedger.Outcome outcome = ledger.outcome();
        assertThat(outcome.duplicated()).isEqualTo(1);
        assertThat(outcome.lost()).isEqualTo(1);
        assertThat(outcome.unacked()).isEqualTo(1);
    }

    @Test
    void acksAndReceiptsRacingOnOtherThreadsAreCountedExactlyOnce() throws Exception {
        int messages = 50_000;
        for (int i = 0; i <= messages; i++) {
            ledger.newMessage(2);
        }
        int neverReceived = messages;
        ExecutorService threads = Executors.newFixedThreadPool(3);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> work = new ArrayList<>();
        work.add(threads.submit(() -> {
            start.await();
            for (int i = 0; i <= messages; i++) {
                ledger.acked(ack(i, i + 1), 0);
            }
            return null;
        }));
        for (int device = 0; device < 2; device++) {
            work.add(threads.submit(() -> {
                start.await();
                for (int i = 0; i < messages; i++) {
                    ledger.received(message(i, i + 1), 0, true);
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> done : work) {
            done.get();
        }
        threads.shutdown();

        MessageLedger.Outcome outcome = ledger.outcome();
        assertThat(outcome.acked()).isEqualTo(messages + 1);
        assertThat(outcome.delivered()).isEqualTo(2L * messages);
        assertThat(outcome.lost()).as("the two devices of message " + neverReceived + ": a receipt counted twice would hide them")
                .isEqualTo(2);
        assertThat(outcome.duplicated()).isZero();
        assertThat(outcome.seqMismatches()).isZero();
    }
}
