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

    @Test
    void anIdSurvivesBeingKeptAsTwoLongs() {
        for (String id : new String[] {MessageIds.next(1_700_000_000_000L), "00000000000000000000000000000000",
                "ffffffffffffffffffffffffffffffff", "0123456789abcdef fedcba9876543210".replace(" ", "")}) {
            assertThat(MessageIds.isWellFormed(id)).isTrue();
            assertThat(MessageIds.of(MessageIds.high(id), MessageIds.low(id))).isEqualTo(id);
        }
        assertThat(MessageIds.high("0123456789abcdef0000000000000000")).isEqualTo(0x0123456789abcdefL);
        assertThat(MessageIds.low("0000000000000000fedcba9876543210")).isEqualTo(0xfedcba9876543210L);
    }

    @Test
    void onlyThirtyTwoLowercaseHexDigitsAreWellFormed() {
        assertThat(MessageIds.isWellFormed("0123456789abcdef0123456789abcde")).as("31 digits").isFalse();
        assertThat(MessageIds.isWellFormed("0123456789abcdef0123456789abcdef0")).as("33 digits").isFalse();
        assertThat(MessageIds.isWellFormed("0123456789ABCDEF0123456789abcdef")).as("upper case").isFalse();
        assertThat(MessageIds.isWellFormed("0123456789abcdeg0123456789abcdef")).as("not hex").isFalse();
        assertThat(MessageIds.isWellFormed("m-7")).isFalse();
    }
}
