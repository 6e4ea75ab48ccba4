package io.parley.server.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MessageIdsTest {

    @Test
    void thirtyTwoLowercaseHexDigitsLedByTheMillisecond() {
        long millis = 0x0193_5a7c_1e2fL;
        String id = MessageIds.next(millis);
        assertThat(id).hasSize(32).matches("[0-9a-f]{32}").startsWith("01935a7c1e2f");
        assertThat(MessageIds.next(0)).startsWith("000000000000");
        assertThat(MessageIds.next(0xFFFF_FFFF_FFFF_FFFFL)).as("only 48 bits of time").startsWith("ffffffffffff").hasSize(32);
    }

    @Test
    void idsOfTheSameMillisecondDiffer() {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            ids.add(MessageIds.next(1_700_000_000_000L));
        }
        assertThat(ids).hasSize(10_000);
    }

    @Test
    void laterMillisecondsSortAfter() {
        assertThat(MessageIds.next(1_700_000_000_001L)).isGreaterThan(MessageIds.next(1_700_000_000_000L));
    }
}
